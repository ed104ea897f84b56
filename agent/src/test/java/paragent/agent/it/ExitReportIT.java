package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent writes all three reports however the program ends, and leaves its exit code and
 * output alone. Many exits, because the failure this guards against (the recording lost to a race
 * between shutdown hooks) showed up in a fraction of runs only.
 */
class ExitReportIT {

    private static final int EXITS_PER_MODE = 10;

    @TempDir
    Path dir;

    @Test
    void everyNormalExitAndSystemExitLeavesAllThreeReports() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < EXITS_PER_MODE; i++) {
                runs.add(pool.submit(() -> runAndCheck("normal", 0)));
                runs.add(pool.submit(() -> runAndCheck("exit", 3)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> run : runs) {
                String failure = run.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertThat(failures).as("runs without all three reports, out of %d", runs.size()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uncaughtExceptionKeepsExitCodeAndStackTraceAndWritesReports() throws Exception {
        Path out = Files.createDirectories(dir.resolve("throw"));
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + out, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.ExitingApp", "throw"), dir);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("IllegalStateException: planned failure");
        assertThat(reports(out)).hasSize(3);
    }

    @Test
    void sigtermStillWritesReports() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sigterm"));
        Process process = new ProcessBuilder(ForkedJvm.command("out=" + out, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.ExitingApp", "wait"))
                .redirectErrorStream(true).start();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("waiting")) {
            // Wait until the workers are done and the program idles.
        }
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(reports(out)).hasSize(3);
    }

    private String runAndCheck(String mode, int expectedExit) throws Exception {
        Path out = Files.createTempDirectory(dir, mode);
        ForkedJvm.Result withAgent = ForkedJvm.run(ForkedJvm.command("out=" + out,
                ForkedJvm.TEST_CLASSES.toString(), "paragent.testapps.ExitingApp", mode), out);
        List<Path> reports = reports(out);
        if (withAgent.exitCode() != expectedExit) {
            return mode + ": exit code " + withAgent.exitCode() + ", stderr: " + withAgent.stderr();
        }
        if (!withAgent.stdout().equals("counter=400000\n")) {
            return mode + ": stdout changed: " + withAgent.stdout();
        }
        if (reports.size() != 3) {
            return mode + ": reports " + reports + ", stderr: " + withAgent.stderr();
        }
        for (Path report : reports) {
            if (Files.size(report) == 0) {
                return mode + ": empty " + report;
            }
        }
        if (withAgent.stderrMessages().size() != 1 || !withAgent.stderr().startsWith("paragent: ")) {
            return mode + ": expected one paragent line on stderr, got: " + withAgent.stderr();
        }
        return null;
    }

    static List<Path> reports(Path out) throws java.io.IOException {
        try (var files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().matches("paragent-\\d+\\.(jfr|json|html)"))
                    .sorted().toList();
        }
    }

    /** The recording among {@link #reports}. */
    static Path recording(Path out) throws java.io.IOException {
        return reports(out).stream().filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
    }
}
