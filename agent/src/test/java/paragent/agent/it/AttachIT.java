package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paragent attach PID} records a running JVM, {@code attach PID stop} writes the reports and
 * detaches, and a second attach says why it does nothing; the program's output is unchanged
 * throughout and it runs on to its normal end.
 */
class AttachIT {

    @TempDir
    Path dir;

    @Test
    void attachStopAndAttachAgainLeaveTheProgramAloneAndWriteTheReports() throws Exception {
        Path out = dir.resolve("reports");
        Path err = dir.resolve("stderr.txt");
        Process app = new ProcessBuilder(ForkedJvm.java().toString(), "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+EnableDynamicAgentLoading", "-cp", ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.AttachTargetApp").redirectError(err.toFile()).start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter stdin = new PrintWriter(app.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertThat(stdout.readLine()).isEqualTo("ready");
            String pid = Long.toString(app.pid());

            ForkedJvm.Result attach = cli("attach", pid, "out=" + out);
            assertThat(attach.exitCode()).as(attach.stderr()).isZero();
            assertThat(attach.stdout()).startsWith("paragent: recording process " + pid);
            stdin.println("work");
            assertThat(stdout.readLine()).isEqualTo("counter=400000");

            ForkedJvm.Result second = cli("attach", pid);
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.stderr()).startsWith("paragent: process " + pid + " is already recorded by paragent");

            ForkedJvm.Result stop = cli("attach", pid, "stop");
            assertThat(stop.exitCode()).as(stop.stderr()).isZero();
            assertThat(stop.stdout()).startsWith("paragent: stopped recording process " + pid);
            assertThat(ExitReportIT.reports(out)).as("written at stop, while the program runs").hasSize(3);
            stdin.println("work");
            assertThat(stdout.readLine()).isEqualTo("counter=800000");

            ForkedJvm.Result again = cli("attach", pid);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.stderr()).startsWith("paragent: process " + pid + " was recorded by paragent already");

            stdin.println("quit");
            assertThat(stdout.readLine()).isNull();
        }
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isZero();
        List<String> stderr = Files.readAllLines(err);
        assertThat(stderr).as("one exit line at stop, nothing at exit").singleElement()
                .satisfies(line -> assertThat(line).startsWith("paragent: "));
    }

    private ForkedJvm.Result cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ForkedJvm.java().toString(), "-jar",
                ForkedJvm.AGENT_JAR.toString()));
        command.addAll(List.of(args));
        return ForkedJvm.run(command, dir);
    }
}
