package paragent.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpu-offload} on a machine without OpenCL: the ICD loader is pointed at an empty vendor
 * directory ({@code OCL_ICD_VENDORS}, read by both the ocl-icd and the Khronos loaders), so it
 * finds no platform; on a machine with no loader at all JOCL fails to link instead. Either way the
 * demo prints the one line saying what to install and exits 2.
 */
class GpuOffloadWithoutOpenClIT {

    private static final String NO_OPENCL = "paragent: no OpenCL platform found: install a GPU driver's OpenCL ICD,"
            + " or pocl-opencl-icd (and ocl-icd-opencl-dev for libOpenCL.so)";

    @Test
    void withoutAPlatformPrintsWhatToInstallAndExitsTwo(@TempDir Path dir) throws Exception {
        Path noVendors = Files.createDirectories(dir.resolve("vendors"));

        ForkedRun run = ForkedRun.demo(dir, Map.of("OCL_ICD_VENDORS", noVendors.toString()),
                List.of("gpu-offload", "--threads", "1", "--scale", "0.1"));

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr).as(run.toString()).isEqualTo(NO_OPENCL + System.lineSeparator());
        assertThat(run.stdout).as(run.toString()).isEmpty();
    }
}
