package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.scaling.ScalingInput;

/** Runs small shell programs in place of JVMs: they ignore the agent in JAVA_TOOL_OPTIONS. */
class ScaleRunnerTest {

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();

    private ScaleRunner runner(String script, List<Integer> counts, int repeats, Duration timeout) {
        ScalePlan plan = new ScalePlan(List.of("sh", "-c", script, "sh", "{threads}"), counts, repeats,
                dir.resolve("paragent.jar"), "", dir.resolve("out"));
        return new ScaleRunner(plan, timeout, new PrintWriter(progress, true));
    }

    @Test
    void eachRunGetsItsDirectoryOutputAndRecordingsInInterleavedOrder() throws Exception {
        String script = "d=$(echo \"$JAVA_TOOL_OPTIONS\" | sed 's/.*out=\\([^,]*\\),.*/\\1/'); "
                + "echo \"threads $1\"; touch \"$d/paragent-99999999.jfr\" \"$d/paragent-$$.jfr\" \"$d/paragent-7.jfr\"";

        List<ScalingInput> inputs = runner(script, List.of(1, 2), 2, null).runAll();

        assertThat(inputs).extracting(ScalingInput::threads).containsExactly(1, 2, 1, 2);
        Path run = dir.resolve("out/t2-r1");
        assertThat(Files.readString(run.resolve("stdout.txt"))).isEqualTo("threads 2\n");
        assertThat(run.resolve("stderr.txt")).exists();
        assertThat(inputs.get(1).recordings()).hasSize(3);
        assertThat(inputs.get(1).recordings().get(0).getFileName().toString()).isNotEqualTo("paragent-7.jfr")
                .isNotEqualTo("paragent-99999999.jfr");
        assertThat(inputs.get(1).recordings().subList(1, 3)).extracting(p -> p.getFileName().toString())
                .containsExactly("paragent-7.jfr", "paragent-99999999.jfr");
        assertThat(progress.toString().lines()).hasSize(4).first().asString()
                .matches("scale: 1 thread, repeat 1/2: \\d+\\.\\d\\d s");
        assertThat(progress.toString().lines().toList().get(3)).startsWith("scale: 2 threads, repeat 2/2: ");
    }

    @Test
    void aFailingRunStopsTheRunsWithOneLineNamingItsStderr() throws Exception {
        String script = "d=$(echo \"$JAVA_TOOL_OPTIONS\" | sed 's/.*out=\\([^,]*\\),.*/\\1/'); touch \"$d/a.jfr\"; "
                + "if [ $1 = 2 ]; then echo boom >&2; exit 3; fi";

        assertThatThrownBy(() -> runner(script, List.of(1, 2, 4), 1, null).runAll())
                .isInstanceOf(ScaleRunner.RunFailedException.class)
                .hasMessage("paragent scale: run t2-r1 (2 threads, repeat 1) exited with 3; see "
                        + dir.resolve("out/t2-r1/stderr.txt"));
        assertThat(Files.readString(dir.resolve("out/t2-r1/stderr.txt"))).isEqualTo("boom\n");
        assertThat(dir.resolve("out/t4-r1")).doesNotExist();
    }

    @Test
    void aRunThatOutlivesTheTimeoutIsKilledWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        String script = "sleep 60 & echo $! > '" + pidFile + "'; sleep 60; wait";

        assertThatThrownBy(() -> runner(script, List.of(1), 1, Duration.ofMillis(500)).runAll())
                .isInstanceOf(ScaleRunner.RunFailedException.class)
                .hasMessageStartingWith("paragent scale: run t1-r1 (1 thread, repeat 1) took longer than --timeout 0.5s")
                .hasMessageEndingWith(dir.resolve("out/t1-r1/stderr.txt").toString());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(child);
        if (handle.isPresent()) {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunWithoutRecordingsSaysTheCommandMayNotStartAJvm() {
        assertThatThrownBy(() -> runner("true", List.of(1), 1, null).runAll())
                .hasMessageContaining("run t1-r1 left no recording").hasMessageContaining("start a JVM");
    }

    @Test
    void existingRunDirectoriesAreNotMixedWithNewRuns() throws Exception {
        Files.createDirectories(dir.resolve("out/t1-r1"));

        assertThatThrownBy(() -> runner("true", List.of(1), 1, null).runAll())
                .hasMessage("paragent scale: " + dir.resolve("out/t1-r1") + " already exists: choose a new --out");
    }
}
