package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.render.text.TextRenderer;
import paragent.analyzer.testing.Trees;
import paragent.analyzer.testing.Workloads;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/** Terminal output: a linter-like summary, and exit lines naming the top three findings and the report. */
class TextRendererTest {

    @Test
    void exitLineNamesTopFindingAndReportOnOneLine() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());
        Finding top = analysis.findings().get(0);

        String line = TextRenderer.exitLines(analysis, Path.of("paragent-1.html")).get(0);

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line).startsWith("paragent: LOCK_CONTENTION ").contains("% of worker time on " + top.subject())
                .contains(" at " + top.where())
                .endsWith(" — report: " + Path.of("paragent-1.html").toAbsolutePath());
    }

    @Test
    void exitLinesNameFindingsTwoAndThreeWithShareSubjectAndWhereAndNoMore() {
        Analysis analysis = withFindings(finding(FindingKind.LOCK_CONTENTION, 0.38, "app.Counter", "app.Counter.inc(Counter.java:24)"),
                finding(FindingKind.IPC, 0.12, "pipe to child 42\n(stdin)", "app.Main.send(Main.java:10)"),
                finding(FindingKind.GC, 0.05, "G1 Young Generation", null),
                finding(FindingKind.IO, 0.01, "disk", "app.Main.read(Main.java:3)"));

        List<String> lines = TextRenderer.exitLines(analysis, Path.of("/tmp/r.html"));

        assertThat(lines).containsExactly(
                "paragent: LOCK_CONTENTION 38% of worker time on app.Counter at app.Counter.inc(Counter.java:24)"
                        + " — report: /tmp/r.html",
                "  2. IPC 12% on pipe to child 42 (stdin) at app.Main.send(Main.java:10)",
                "  3. GC 5% on G1 Young Generation");
    }

    @Test
    void exitLineSaysNoProblemWithWorkersAndRunningShare() {
        Analysis analysis = withFindings();

        assertThat(TextRenderer.exitLines(analysis, Path.of("/tmp/r.html")))
                .containsExactly("paragent: no parallelism problem found (1 worker, 95% running) — report: /tmp/r.html");
    }

    @Test
    void exitLineOfATreeNamesTheTopMergedFindingAndTheProcessCount() {
        List<String> lines = TextRenderer.exitLines(Trees.oneRun(), Path.of("/tmp/tree.html"));

        assertThat(lines).containsExactly("paragent: IPC 30% of worker time on " + Trees.PIPE
                + " at app.Main.send(Main.java:12) (2 processes) — report: /tmp/tree.html");
    }

    @Test
    void exitLinesOfATreeNameItsSecondMergedFinding() {
        ProcessTree t = Trees.processes();
        Finding gc = finding(FindingKind.GC, 0.1, "G1 Old Generation", null);
        MultiAnalysis two = new MultiAnalysis(List.of(new ProcessTree(t.runId(), t.processes(), t.links(),
                List.of(t.findings().get(0), gc), t.wallSeconds(), t.workerSeconds(), List.of())), List.of());

        assertThat(TextRenderer.exitLines(two, null)).hasSize(2).last().isEqualTo("  2. GC 10% on G1 Old Generation");
    }

    @Test
    void exitLineOfATreeWithoutFindingsCountsProcessesAndWorkers() {
        ProcessTree t = Trees.processes();
        MultiAnalysis clean = new MultiAnalysis(List.of(new ProcessTree(t.runId(), t.processes(), t.links(), List.of(),
                t.wallSeconds(), t.workerSeconds(), List.of())), List.of());

        assertThat(TextRenderer.exitLines(clean, null))
                .as("3.1 s running of 5 worker seconds")
                .containsExactly("paragent: no parallelism problem found (2 processes, 3 workers, 62% running)");
    }

    @Test
    void summaryShowsVerdictAndFindingDetailsAndTheFullReport() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());
        Finding top = analysis.findings().get(0);

        String summary = TextRenderer.summary(analysis, "/tmp/r.html");

        assertThat(summary).contains("LOCK_CONTENTION: ").contains("1. LOCK_CONTENTION")
                .contains("subject:  " + top.subject()).contains("where:    " + top.where())
                .contains("evidence: ").contains("contended acquisitions").contains("advice:   ")
                .endsWith("full report: /tmp/r.html" + System.lineSeparator());
    }

    @Test
    void summaryListsTheTopThreeEachWithShareSubjectAndWhere() {
        Analysis analysis = withFindings(finding(FindingKind.LOCK_CONTENTION, 0.38, "app.Counter", "app.Counter.inc(Counter.java:24)"),
                finding(FindingKind.IPC, 0.12, "pipe", "app.Main.send(Main.java:10)"),
                finding(FindingKind.GC, 0.05, "G1 Young Generation", null),
                finding(FindingKind.IO, 0.01, "disk", "app.Main.read(Main.java:3)"));

        List<String> lines = TextRenderer.summary(analysis, null).lines().toList();

        assertThat(lines).contains("1. LOCK_CONTENTION 38%  LOCK_CONTENTION title", "2. IPC 12%  IPC title",
                "3. GC 5%  GC title", "   subject:  G1 Young Generation", "   where:    no single code location",
                "1 more in the report").doesNotContain("4. IO 1%  IO title");
        assertThat(lines).filteredOn(l -> l.startsWith("   where:    ")).hasSize(3);
        assertThat(lines).noneMatch(l -> l.startsWith("full report:"));
    }

    @Test
    void summaryOfATreeShowsProcessesMergedFindingsWarningsAndTheFullReport() {
        String summary = TextRenderer.summary(Trees.oneRun(), "paragent report a.jfr b.jfr (writes a.html)");

        assertThat(summary.lines()).first().asString().isEqualTo("paragent: parent.jfr — 2 processes, 3 worker threads over 2.00 s");
        assertThat(summary).contains("IPC: 30% of worker time is lost on " + Trees.PIPE)
                .contains("1. IPC 30%  Workers wait for the pipe.").contains("   subject:  " + Trees.PIPE)
                .contains("   where:    app.Main.send(Main.java:12)").contains("warning: tree warning")
                .endsWith("full report: paragent report a.jfr b.jfr (writes a.html)" + System.lineSeparator());
    }

    private static Finding finding(FindingKind kind, double share, String subject, String where) {
        return new Finding(kind, share * 4, share, subject, where, kind + " title", "evidence", "advice", List.of());
    }

    private static Analysis withFindings(Finding... findings) {
        ThreadTime t = new ThreadTime("w", 7, 70L, 1.9, 2, 1.9, null, 0, 0, 0, 0, 0, 0, 0.1, 190, false, true);
        return new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "app"), 2, 1, 0, List.of(t), List.of(),
                List.of(findings), List.of());
    }
}
