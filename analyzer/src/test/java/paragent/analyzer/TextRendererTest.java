package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.render.text.TextRenderer;
import paragent.analyzer.testing.Trees;
import paragent.analyzer.testing.Workloads;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/** Terminal output: a linter-like summary and exactly one exit line. */
class TextRendererTest {

    @Test
    void exitLineNamesTopFindingAndReportOnOneLine() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());
        Finding top = analysis.findings().get(0);

        String line = TextRenderer.exitLine(analysis, Path.of("paragent-1.html"));

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line).startsWith("paragent: LOCK_CONTENTION ").contains("% of worker time on " + top.subject())
                .contains(" at " + top.where())
                .endsWith(" — report: " + Path.of("paragent-1.html").toAbsolutePath());
    }

    @Test
    void exitLineSaysNoProblemWithWorkersAndRunningShare() {
        ThreadTime t = new ThreadTime("w", 7, 70L, 1.9, 2, 1.9, null, 0, 0, 0, 0, 0, 0, 0.1, 190, false, true);
        Analysis analysis = new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "app"), 2, 1, 0, List.of(t), List.of(),
                List.of(), List.of());

        assertThat(TextRenderer.exitLine(analysis, Path.of("/tmp/r.html")))
                .isEqualTo("paragent: no parallelism problem found (1 worker, 95% running) — report: /tmp/r.html");
    }

    @Test
    void exitLineOfATreeNamesTheTopMergedFindingAndTheProcessCount() {
        String line = TextRenderer.exitLine(Trees.oneRun(), Path.of("/tmp/tree.html"));

        assertThat(line).isEqualTo("paragent: IPC 30% of worker time on " + Trees.PIPE
                + " at app.Main.send(Main.java:12) (2 processes) — report: /tmp/tree.html");
    }

    @Test
    void exitLineOfATreeWithoutFindingsCountsProcessesAndWorkers() {
        ProcessTree t = Trees.processes();
        MultiAnalysis clean = new MultiAnalysis(List.of(new ProcessTree(t.runId(), t.processes(), t.links(), List.of(),
                t.wallSeconds(), t.workerSeconds(), List.of())), List.of());

        assertThat(TextRenderer.exitLine(clean, null))
                .as("3.1 s running of 5 worker seconds").isEqualTo("paragent: no parallelism problem found (2 processes, 3 workers, 62% running)");
    }

    @Test
    void summaryShowsVerdictAndFindingDetails() throws Exception {
        Analysis analysis = Analyzer.analyze(Workloads.monitorContention());
        Finding top = analysis.findings().get(0);

        String summary = TextRenderer.summary(analysis);

        assertThat(summary).contains("LOCK_CONTENTION: ").contains("1. LOCK_CONTENTION")
                .contains("subject:  " + top.subject()).contains("where:    " + top.where())
                .contains("evidence: ").contains("contended acquisitions").contains("advice:   ");
    }
}
