package paragent.analyzer.render.text;

import java.nio.file.Path;
import java.util.Locale;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.render.TreeTotals;
import paragent.analyzer.render.Verdict;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/**
 * Plain-text output for the terminal: a multi-line summary and the one line printed at exit.
 * Strings from the recording are printed as recorded, except that line breaks are flattened so
 * that one line stays one line. Stateless; thread-safe.
 */
public final class TextRenderer {

    /** Findings shown by {@link #summary(Analysis)}. */
    public static final int TOP_FINDINGS = 3;

    private TextRenderer() {
    }

    /** @return verdict, then the top findings with share, subject, where, evidence and advice */
    public static String summary(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        out.append("paragent: ").append(flat(analysis.recordingName())).append(String.format(Locale.ROOT,
                " — %d worker thread%s over %.2f s%n", analysis.workerThreads(),
                analysis.workerThreads() == 1 ? "" : "s", analysis.wallSeconds()));
        out.append(flat(Verdict.sentence(analysis))).append(System.lineSeparator());
        int n = Math.min(TOP_FINDINGS, analysis.findings().size());
        for (int i = 0; i < n; i++) {
            Finding f = analysis.findings().get(i);
            out.append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "%d. %s %s  %s%n", i + 1, f.kind(), Texts.percent(f.share()),
                    flat(f.title())));
            out.append("   subject:  ").append(flat(f.subject())).append(System.lineSeparator());
            if (f.where() != null) {
                out.append("   where:    ").append(flat(f.where())).append(System.lineSeparator());
            }
            out.append("   evidence: ").append(flat(f.evidence())).append(System.lineSeparator());
            out.append("   advice:   ").append(flat(f.advice())).append(System.lineSeparator());
        }
        if (analysis.findings().size() > n) {
            out.append(System.lineSeparator()).append(analysis.findings().size() - n)
                    .append(" more in the report").append(System.lineSeparator());
        }
        for (String warning : analysis.warnings()) {
            out.append("warning: ").append(flat(warning)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * @param htmlReport the report written, or null when none was
     * @return one line without a line terminator, naming the top finding (or its absence) and the report
     */
    public static String exitLine(Analysis analysis, Path htmlReport) {
        String report = htmlReport == null ? "" : " — report: " + htmlReport.toAbsolutePath();
        if (analysis.findings().isEmpty()) {
            if (analysis.workerThreads() == 0) {
                return "paragent: no worker threads found" + report;
            }
            return String.format(Locale.ROOT, "paragent: no parallelism problem found (%d worker%s, %s running)%s",
                    analysis.workerThreads(), analysis.workerThreads() == 1 ? "" : "s",
                    Texts.percent(analysis.workerRunningShare()), report);
        }
        return topFinding(analysis.findings().get(0), "", report);
    }

    /**
     * @param htmlReport the report written, or null when none was
     * @return one line without a line terminator for the primary run's process tree: its top merged
     *         finding (or its absence), how many processes it has, and the report
     */
    public static String exitLine(MultiAnalysis analysis, Path htmlReport) {
        String report = htmlReport == null ? "" : " — report: " + htmlReport.toAbsolutePath();
        ProcessTree tree = analysis.primary();
        int n = tree.processes().size();
        String processes = n + " process" + (n == 1 ? "" : "es");
        if (tree.findings().isEmpty()) {
            int workers = TreeTotals.workerThreads(tree);
            if (workers == 0) {
                return "paragent: no worker threads found in " + processes + report;
            }
            return String.format(Locale.ROOT, "paragent: no parallelism problem found (%s, %d worker%s, %s running)%s",
                    processes, workers, workers == 1 ? "" : "s", Texts.percent(TreeTotals.workerRunningShare(tree)),
                    report);
        }
        return topFinding(tree.findings().get(0), " (" + processes + ")", report);
    }

    private static String topFinding(Finding top, String scope, String report) {
        return flat(String.format(Locale.ROOT, "paragent: %s %s of worker time on %s%s%s%s", top.kind(),
                Texts.percent(top.share()), top.subject(), top.where() == null ? "" : " at " + top.where(), scope,
                report));
    }

    private static String flat(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
