package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ProbeMain.Measurement measurement, String... args) {
        return ProbeMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), measurement);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void noOpenClIsExactlyOneLineAndExitCodeTwo() {
        int exit = run(options -> {
            throw new NoOpenClException(new UnsatisfiedLinkError("libOpenCL.so: cannot open shared object file"));
        }, "--quick");
        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).containsExactly("paragent: no OpenCL platform found: install a GPU driver's OpenCL ICD, "
                + "or pocl-opencl-icd (and ocl-icd-opencl-dev for libOpenCL.so)");
        assertThat(out.size()).isZero();
    }

    @Test
    void aBadOptionIsOneLineAndExitCodeTwoWithoutMeasuring() {
        int exit = run(options -> {
            throw new AssertionError("measured");
        }, "--devcie", "1");
        assertThat(exit).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "paragent: gpu-probe: unknown option '--devcie' (see 'paragent gpu-probe --help')");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(options -> {
            throw new AssertionError("measured");
        }, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: paragent gpu-probe").contains("--quick");
    }

    @Test
    void aMeasuredRunWritesBothFilesAndASummary() throws Exception {
        Path json = dir.resolve("p.json");
        Path html = dir.resolve("p.html");
        int exit = run(options -> SampleReports.sample(), "--json", json.toString(), "-o", html.toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(json)).startsWith("{\"schema\":\"paragent/gpu-probe@1\"");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("platform Platform <1>").contains("kernel launch latency")
                .contains("never pays");
        assertThat(err.size()).isZero();
    }

    @Test
    void failuresAfterOptionsAreOneLineAndExitCodeOne() {
        assertThat(run(options -> {
            throw new CLException("CL_OUT_OF_RESOURCES", -5);
        })).isEqualTo(1);
        assertThat(run(options -> SampleReports.sample(), "--json", dir.resolve("missing/p.json").toString()))
                .isEqualTo(1);
        assertThat(errLines()).containsExactly("paragent: gpu-probe: OpenCL call failed: CL_OUT_OF_RESOURCES",
                "paragent: gpu-probe: cannot write " + dir.resolve("missing/p.json") + ": NoSuchFileException");
    }
}
