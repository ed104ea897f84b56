package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar paragent.jar}: help everywhere, and one clear line with a non-zero exit code
 * for every kind of bad input file.
 */
class CliIT {

    @TempDir
    Path dir;

    @Test
    void helpWorksForEveryCommand() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("report", "--help"), List.of("summary", "--help"))) {
            ForkedJvm.Result result = cli(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(args.toString()).isZero();
            assertThat(result.stdout()).as(args.toString()).contains("Usage:");
        }
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        ForkedJvm.Result result = cli("frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().satisfies(l -> assertThat(l).startsWith("paragent: "));
    }

    @Test
    void missingEmptyForeignAndTruncatedFilesGetOneLineAndExitCodeOne() throws Exception {
        Path recording = recordSomething();
        byte[] whole = Files.readAllBytes(recording);
        Path empty = Files.write(dir.resolve("empty.jfr"), new byte[0]);
        Path foreign = Files.writeString(dir.resolve("notes.jfr"), "these are not the events you are looking for");
        Path headerOnly = Files.write(dir.resolve("header.jfr"), java.util.Arrays.copyOf(whole, 40));
        Path png = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Path missing = dir.resolve("missing.jfr");

        for (Path bad : List.of(missing, empty, foreign, headerOnly, png, dir)) {
            for (String command : List.of("report", "summary")) {
                ForkedJvm.Result result = cli(command, bad.toString());
                assertThat(result.exitCode()).as(command + " " + bad).isEqualTo(1);
                assertThat(result.stderrLines()).as(command + " " + bad).singleElement()
                        .satisfies(line -> assertThat(line).startsWith("paragent: ").contains(bad.getFileName().toString())
                                .doesNotContain("Exception"));
            }
        }
    }

    @Test
    void multiChunkRecordingCutInItsLastChunkGetsAPartialReportAndOneWarningLine() throws Exception {
        byte[] chunk = Files.readAllBytes(recordSomething());
        byte[] twoAndAHalf = new byte[2 * chunk.length + chunk.length / 2];
        for (int at = 0; at < twoAndAHalf.length; at += chunk.length) {
            System.arraycopy(chunk, 0, twoAndAHalf, at, Math.min(chunk.length, twoAndAHalf.length - at));
        }
        Path cut = Files.write(dir.resolve("cut.jfr"), twoAndAHalf);
        Path html = dir.resolve("cut.html");

        ForkedJvm.Result report = cli("report", cut.toString(), "-o", html.toString());

        assertThat(report.exitCode()).as(report.stderr()).isZero();
        assertThat(report.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("paragent: warning: cut.jfr is truncated or corrupt (chunk 3 is cut off")
                .contains("analyzed its 2 complete chunks"));
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("chunk 3 is cut off");
    }

    /**
     * Input of 8 MiB or more is analyzed in a second JVM with a throughput collector and C1 only
     * ({@code TunedJvm}): {@code -XX:+PrintCommandLineFlags}, passed on like every JVM option,
     * shows its flags. Its output, exit code and single error line reach the user as the first
     * JVM's would; {@code -Dparagent.tune=false} keeps the analysis in place.
     */
    @Test
    void largeInputIsAnalyzedInATunedJvmThatKeepsOutputAndExitCode() throws Exception {
        byte[] chunk = Files.readAllBytes(recordSomething());
        Path big = dir.resolve("big.jfr");
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written < 8 << 20; written += chunk.length) {
                out.write(chunk);
            }
        }
        Path foreign = Files.write(dir.resolve("foreign.jfr"), new byte[9 << 20]);
        String tunedFlags = "-XX:TieredStopAtLevel=1";

        ForkedJvm.Result tuned = cli("-XX:+PrintCommandLineFlags", "summary", big.toString());
        ForkedJvm.Result inPlace = cli("-XX:+PrintCommandLineFlags", "-Dparagent.tune=false", "summary", big.toString());
        ForkedJvm.Result bad = cli("-XX:+PrintCommandLineFlags", "report", foreign.toString());

        assertThat(tuned.exitCode()).as(tuned.stderr()).isZero();
        assertThat(tuned.stdout().lines().filter(l -> l.contains(tunedFlags))).as(tuned.stdout()).singleElement()
                .satisfies(line -> assertThat(line).contains("-XX:+UseParallelGC"));
        assertThat(tuned.stdout()).contains("LOCK_CONTENTION", "java.util.concurrent.locks.ReentrantLock");
        assertThat(inPlace.exitCode()).as(inPlace.stderr()).isZero();
        assertThat(inPlace.stdout()).contains("LOCK_CONTENTION").doesNotContain(tunedFlags);
        assertThat(bad.stdout()).contains(tunedFlags);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderrLines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("paragent: ").contains("foreign.jfr"));
    }

    @Test
    void reportAndSummaryOfARealRecording() throws Exception {
        Path recording = recordSomething();
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        ForkedJvm.Result report = cli("report", recording.toString(), "-o", html.toString(), "--json", json.toString());
        assertThat(report.exitCode()).as(report.stderr()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        var summaryJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(summaryJson.get("schema").asText()).isEqualTo("paragent/summary@1");
        assertThat(summaryJson.get("findings").get(0).get("kind").asText()).isEqualTo("LOCK_CONTENTION");
        assertThat(summaryJson.get("findings").get(0).get("subject").asText())
                .isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(summaryJson.get("findings").get(0).get("where").asText())
                .startsWith("paragent.testapps.ContendedApp.work(ContendedApp.java:");

        ForkedJvm.Result summary = cli("summary", recording.toString());
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.stdout()).contains("LOCK_CONTENTION").contains("java.util.concurrent.locks.ReentrantLock")
                .contains("   where:    paragent.testapps.ContendedApp.work(ContendedApp.java:");
        assertThat(summary.stdout().lines().reduce((a, b) -> b)).get().asString().startsWith("full report: ");
    }

    @Test
    void severalRecordingsMakeOneTreeReportNamedAfterTheFirst() throws Exception {
        Path first = recordSomething();
        Path second = recordSomething("rec2");

        ForkedJvm.Result report = cli("report", first.toString(), second.toString());

        assertThat(report.exitCode()).as(report.stderr()).isZero();
        String name = first.getFileName().toString();
        Path html = first.resolveSibling(name.substring(0, name.length() - ".jfr".length()) + ".html");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<h2 id=\"tree\">Process tree</h2>")
                .contains(">Inter-process communication</h2>");
        assertThat(report.stdout().lines().findFirst()).get().asString().startsWith("paragent: LOCK_CONTENTION ").contains(" process")
                .endsWith(" — report: " + html.toAbsolutePath());

        ForkedJvm.Result summary = cli("summary", first.toString(), second.toString());
        assertThat(summary.exitCode()).as(summary.stderr()).isZero();
        assertThat(summary.stdout().lines().findFirst()).get().asString().contains(" process");
        assertThat(summary.stdout()).contains("1. LOCK_CONTENTION ").endsWith("full report: " + html
                + System.lineSeparator());
    }

    @Test
    void aBadRecordingAmongSeveralGetsOneLineNamingIt() throws Exception {
        Path good = recordSomething();
        Path foreign = Files.writeString(dir.resolve("notes.jfr"), "not a recording");

        for (Path bad : List.of(dir.resolve("missing.jfr"), foreign)) {
            ForkedJvm.Result result = cli("report", good.toString(), bad.toString());
            assertThat(result.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(result.stderrLines()).as(bad.toString()).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("paragent: ").contains(bad.getFileName().toString())
                            .doesNotContain("Exception"));
        }
    }

    private Path recordSomething() throws Exception {
        return recordSomething("rec");
    }

    private Path recordSomething(String outName) throws Exception {
        Path out = dir.resolve(outName);
        if (!Files.exists(out)) {
            ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + out + ",jfr",
                    ForkedJvm.TEST_CLASSES.toString(), "paragent.testapps.ContendedApp"), dir);
            assertThat(result.exitCode()).isZero();
        }
        return ExitReportIT.reports(out).get(0);
    }

    /** Runs the CLI; leading arguments that start with {@code -X} or {@code -D} are JVM options. */
    private ForkedJvm.Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java().toString()));
        int at = 0;
        while (at < args.length && (args[at].startsWith("-X") || args[at].startsWith("-D"))) {
            command.add(args[at++]);
        }
        command.addAll(List.of("-jar", ForkedJvm.AGENT_JAR.toString()));
        command.addAll(List.of(args).subList(at, args.length));
        return ForkedJvm.run(command, dir);
    }
}
