package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar paragent.jar gpu-probe}: on an OpenCL platform (PoCL in CI) a quick run lists the
 * devices and measures transfers, kernels and the crossover; without one it says what to install in
 * one line. Without OpenCL here the OpenCL test fails under {@code CI=true} and is skipped elsewhere.
 */
class GpuProbeIT {

    static final String NO_OPENCL = "paragent: no OpenCL platform found: install a GPU driver's OpenCL ICD, "
            + "or pocl-opencl-icd (and ocl-icd-opencl-dev for libOpenCL.so)";

    @TempDir
    Path dir;

    @Test
    void aQuickProbeMeasuresTransfersKernelsAndTheCrossover() throws Exception {
        Path json = dir.resolve("x.json");
        Path html = dir.resolve("x.html");
        ForkedJvm.Result result = ForkedJvm.run(probe("--quick", "--json", json.toString(), "-o", html.toString()),
                dir);
        requireOpenCl(result);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        JsonNode probe = new ObjectMapper().readTree(json.toFile());
        assertThat(probe.get("schema").asText()).isEqualTo("paragent/gpu-probe@1");
        assertThat(probe.get("platforms")).isNotEmpty();
        assertThat(probe.get("platforms").get(0).get("devices")).isNotEmpty();
        assertThat(probe.get("device").get("name").asText()).isNotBlank();
        assertThat(result.stdout()).contains("device " + probe.get("device").get("index").asInt() + ": "
                + probe.get("device").get("name").asText());

        List<JsonNode> transfers = StreamSupport.stream(probe.get("transfers").spliterator(), false).toList();
        Set<String> kinds = transfers.stream().map(t -> t.get("direction").asText() + "/" + t.get("memory").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactly("deviceToHost/pageable", "deviceToHost/pinned", "hostToDevice/pageable",
                "hostToDevice/pinned");
        assertThat(transfers).allSatisfy(t -> {
            assertThat(t.get("bytes").asLong()).isBetween(4096L, 16L << 20);
            assertThat(t.get("minSeconds").asDouble()).isPositive();
            assertThat(t.get("medianSeconds").asDouble()).isBetween(t.get("minSeconds").asDouble(),
                    t.get("maxSeconds").asDouble());
            assertThat(t.get("bandwidthBytesPerSecond").asDouble()).isPositive();
            assertThat(t.get("hostMedianSeconds").asDouble()).isPositive();
        });
        assertThat(transfers.stream().mapToLong(t -> t.get("bytes").asLong()).max().orElseThrow())
                .isEqualTo(16L << 20);
        assertThat(probe.get("launchLatencySeconds").asDouble()).isPositive();
        assertThat(probe.get("kernels").findValuesAsText("name")).containsExactly("memoryBound", "computeBound");
        assertThat(probe.get("kernels")).allSatisfy(k -> assertThat(k.get("throughput").asDouble()).isPositive());
        assertThat(probe.get("crossover").get("conclusion").asText()).startsWith("On this device, offloading ");
        assertThat(probe.get("crossovers")).hasSize(2);
        assertThat(probe.get("repeats").asInt()).isEqualTo(3);

        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg ")
                .contains(probe.get("crossover").get("conclusion").asText().substring(0, 30));
    }

    @Test
    void withoutAnOpenClPlatformItSaysWhatToInstallInOneLine() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(probe("--quick"), dir,
                Map.of("OCL_ICD_VENDORS", "/nonexistent", "OPENCL_VENDOR_PATH", "/nonexistent"));

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderrLines()).containsExactly(NO_OPENCL);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void helpAndBadOptionsNeedNoOpenCl() throws Exception {
        ForkedJvm.Result help = ForkedJvm.run(probe("--help"), dir);
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage:").contains("--quick").contains("--device");

        ForkedJvm.Result bad = ForkedJvm.run(probe("--devcie", "1"), dir);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderrLines()).singleElement().satisfies(l -> assertThat(l).startsWith("paragent: ")
                .contains("--devcie"));
    }

    /** Fails under CI=true when the probe found no OpenCL, else skips with what to install. */
    static void requireOpenCl(ForkedJvm.Result result) {
        if (result.exitCode() == 2 && result.stderr().contains("no OpenCL platform found")) {
            String message = "no OpenCL platform: install pocl-opencl-icd ocl-icd-opencl-dev (.ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
    }

    private static List<String> probe(String... args) {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java().toString(), "-jar",
                ForkedJvm.AGENT_JAR.toString(), "gpu-probe"));
        command.addAll(List.of(args));
        return command;
    }
}
