package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar paragent.jar check} on a real recording, and {@code scale} running a real JVM
 * under the agent up to the point where that JVM fails.
 */
class ScaleCheckIT {

    @TempDir
    Path dir;

    @Test
    void checkHoldsBudgetsAgainstARecordingOfContention() throws Exception {
        Path out = dir.resolve("rec");
        ForkedJvm.Result recorded = ForkedJvm.run(ForkedJvm.command("out=" + out + ",jfr", ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.ContendedApp"), dir);
        assertThat(recorded.exitCode()).as(recorded.stderr()).isZero();
        Path recording = ExitReportIT.recording(out);

        ForkedJvm.Result violated = cli("check", recording.toString(), "--max-share", "LOCK_CONTENTION=0.01");
        ForkedJvm.Result met = cli("check", out.toString(), "--max-share", "LOCK_CONTENTION=1", "--max-share",
                "ANY=1");

        assertThat(violated.exitCode()).as(violated.stderr()).isEqualTo(1);
        assertThat(violated.stdout().lines()).singleElement().asString()
                .startsWith("paragent check: LOCK_CONTENTION share ")
                .contains(" > 0.01 at paragent.testapps.ContendedApp.work(ContendedApp.java:");
        assertThat(met.exitCode()).as(met.stderr()).isZero();
        assertThat(met.stdout()).isEqualTo("paragent check: OK (2 budgets)\n");
    }

    @Test
    void scaleRunsJavaWithTheAgentAndStopsAtAFailingRunNamingItsStderr() throws Exception {
        Path runs = dir.resolve("runs");

        ForkedJvm.Result result = cli("scale", "--threads", "1,2", "--out", runs.toString(), "--",
                ForkedJvm.java().toString(), "-cp", ForkedJvm.TEST_CLASSES.toString(), "paragent.testapps.ExitingApp",
                "exit", "{threads}");

        Path stderr = runs.resolve("t1-r1").resolve("stderr.txt");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString()
                .isEqualTo("paragent scale: run t1-r1 (1 thread, repeat 1) exited with 3; see " + stderr);
        assertThat(ExitReportIT.reports(runs.resolve("t1-r1"))).singleElement().asString().endsWith(".jfr");
        assertThat(Files.readString(runs.resolve("t1-r1").resolve("stdout.txt"))).startsWith("counter=");
        assertThat(runs.resolve("t2-r1")).doesNotExist();
        assertThat(dir.resolve("scale.html")).doesNotExist();
    }

    private ForkedJvm.Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java().toString(), "-jar", ForkedJvm.AGENT_JAR.toString()));
        command.addAll(List.of(args));
        return ForkedJvm.run(command, dir);
    }
}
