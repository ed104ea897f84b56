package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on hand-written reports: budgets met, exceeded, and every way to misuse it. */
class CheckCommandTest {

    private static final String SUMMARY = """
            {"schema": "paragent/summary@1", "recording": "paragent-1.jfr", "wallSeconds": 2.0, "workerThreads": 4,
             "findings": [
               {"kind": "LOCK_CONTENTION", "lostThreadSeconds": 4.96, "share": 0.62,
                "subject": "java.util.concurrent.locks.ReentrantLock", "where": "demo.Foo.bar(Foo.java:42)",
                "title": "t", "evidence": "e", "advice": "a"},
               {"kind": "GC", "lostThreadSeconds": 0.08, "share": 0.01, "subject": "G1", "where": null,
                "title": "t", "evidence": "e", "advice": "a"}],
             "warnings": []}
            """;

    private static final String SCALE = """
            {"schema": "paragent/scale@1", "command": "java -jar app.jar --threads {threads}", "cores": 8,
             "runs": [],
             "counts": [
               {"threads": 1, "runs": 1, "efficiency": 1.0, "karpFlatt": null},
               {"threads": 2, "runs": 1, "efficiency": 0.79, "karpFlatt": 0.27},
               {"threads": 4, "runs": 1, "efficiency": 0.55, "karpFlatt": 0.27}],
             "findings": [
               {"kind": "CPU_TIME_INFLATION", "lostThreadSeconds": 0.8, "share": 0.08,
                "subject": "java.util.Random.next", "where": "demo.Pi.draw(Pi.java:12)",
                "title": "t", "evidence": "e", "advice": "a"}],
             "warnings": []}
            """;

    @TempDir
    Path dir;

    private Path summary;
    private Path scale;

    @BeforeEach
    void writeReports() throws IOException {
        summary = Files.writeString(dir.resolve("summary.json"), SUMMARY);
        scale = Files.writeString(dir.resolve("scale.json"), SCALE);
    }

    @Test
    void budgetsMetPrintOkWithTheirCount() {
        Cli result = Cli.run("check", summary.toString(), "--max-share", "LOCK_CONTENTION=0.7", "--max-share", "gc=0.05",
                "--max-lost-seconds", "ANY=5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("paragent check: OK (3 budgets)\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aViolatedBudgetIsOneLineWithTheFindingsPlaceAndExitCodeOne() {
        Cli result = Cli.run("check", summary.toString(), "--max-share", "LOCK_CONTENTION=0.2", "--max-share", "GC=0.5");

        assertThat(result.exitCode()).isEqualTo(CheckCommand.EXIT_VIOLATED);
        assertThat(result.stdoutLines())
                .containsExactly("paragent check: LOCK_CONTENTION share 0.62 > 0.20 at demo.Foo.bar(Foo.java:42)");
    }

    @Test
    void anyHoldsEveryKindAndAFindingWithoutAPlaceNamesItsSubject() {
        Cli result = Cli.run("check", summary.toString(), "--max-share", "ANY=0.005");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdoutLines()).containsExactly(
                "paragent check: LOCK_CONTENTION share 0.62 > 0.005 at demo.Foo.bar(Foo.java:42)",
                "paragent check: GC share 0.01 > 0.005 at G1");
    }

    @Test
    void scaleReportsHoldEfficiencyAtEveryCountAboveOne() {
        Cli failed = Cli.run("check", scale.toString(), "--min-efficiency", "0.7", "--max-share", "CPU_TIME_INFLATION=0.1");
        Cli passed = Cli.run("check", scale.toString(), "--min-efficiency", "0.5");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdoutLines()).containsExactly("paragent check: efficiency 0.55 < 0.70 at 4 threads");
        assertThat(passed.exitCode()).isZero();
        assertThat(passed.stdout()).isEqualTo("paragent check: OK (1 budget)\n");
    }

    @Test
    void anUnknownKindIsAUsageErrorListingTheKinds() {
        Cli result = Cli.run("check", summary.toString(), "--max-share", "LOCKS=0.2");

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.stderrLines()).singleElement().asString()
                .startsWith("paragent: unknown finding kind 'LOCKS' in --max-share: use one of LOCK_CONTENTION, ")
                .contains("CPU_TIME_INFLATION").contains(" or ANY");
    }

    @Test
    void minEfficiencyOnASummaryIsAUsageError() {
        Cli result = Cli.run("check", summary.toString(), "--min-efficiency", "0.7");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString()
                .contains("--min-efficiency needs a scale report");
    }

    @Test
    void budgetsOutOfRangeOrMissingAreUsageErrors() {
        for (String[] args : new String[][] {{"check", "x.json"}, {"check", "x.json", "--max-share", "GC=1.5"},
            {"check", "x.json", "--max-share", "GC"}, {"check", "x.json", "--max-share", "GC=lots"},
            {"check", "x.json", "--min-efficiency", "-1"}}) {
            Cli result = Cli.run(args);

            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.stderrLines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    @Test
    void foreignMalformedDamagedAndMissingInputsAreOneLineAndExitCodeTwo() throws IOException {
        Path foreign = Files.writeString(dir.resolve("package.json"), "{\"name\": \"left-pad\"}");
        Path otherSchema = Files.writeString(dir.resolve("probe.json"), "{\"schema\": \"paragent/gpu-probe@1\"}");
        Path malformed = Files.writeString(dir.resolve("half.json"), SUMMARY.substring(0, 100));
        Path damaged = Files.writeString(dir.resolve("damaged.json"), "{\"schema\": \"paragent/summary@1\"}");
        Path missing = dir.resolve("missing.json");

        for (Path bad : new Path[] {foreign, otherSchema, malformed, damaged, missing}) {
            Cli result = Cli.run("check", bad.toString(), "--max-share", "ANY=0.5");

            assertThat(result.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(result.stderrLines()).as(bad.toString()).singleElement().asString()
                    .startsWith("paragent check: " + bad).doesNotContain("Exception");
        }
    }

    @Test
    void aDirectoryWithoutRecordingsSaysHowToMakeThem() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("paragent-out"));

        Cli result = Cli.run("check", empty.toString(), "--max-share", "ANY=0.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).containsExactly("paragent check: " + empty
                + " holds no .jfr recording: run the program with the agent's jfr option and out=" + empty);
    }

    @Test
    void twoJsonReportsAtOnceAreRefused() {
        Cli result = Cli.run("check", summary.toString(), scale.toString(), "--max-share", "ANY=0.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).singleElement().asString().contains("one JSON report, or JFR recordings only");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Cli result = Cli.run("check", "--help");

        assertThat(result.stdout()).contains("Exit codes:").contains("every budget is met")
                .contains("a budget is exceeded").contains("bad usage, or an input that cannot be read");
    }

    @Test
    void smallNumbersKeepTwoSignificantDigits() {
        assertThat(CheckCommand.number(0.62)).isEqualTo("0.62");
        assertThat(CheckCommand.number(0.004)).isEqualTo("0.004");
        assertThat(CheckCommand.number(0.0123)).isEqualTo("0.012");
        assertThat(CheckCommand.number(0)).isEqualTo("0.00");
        assertThat(CheckCommand.number(12.5)).isEqualTo("12.50");
    }
}
