package paragent.analyzer.render.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.render.TreeTotals;
import paragent.analyzer.render.Verdict;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/**
 * Plain-text output for the terminal, read like a linter's: the top {@value #TOP_FINDINGS} findings,
 * each with its share, subject and code location, and where the full report is. Two forms: the
 * multi-line {@code summary}, and the exit lines printed when a recording ends, whose first line
 * names the top finding and the report (scripts and tests parse it) and whose next lines, at most
 * two, name findings 2 and 3. Strings from the recording are printed as recorded, except that line
 * breaks are flattened so that one line stays one line. Stateless; thread-safe.
 */
public final class TextRenderer {

    /** Findings shown by the summary and the exit lines. */
    public static final int TOP_FINDINGS = 3;

    private static final String NL = System.lineSeparator();

    private TextRenderer() {
    }

    /**
     * @param fullReport where the full report is, or how to get it; printed last as
     *     {@code full report: …}, nothing when null
     * @return the recording's headline and verdict, then the top findings with share, subject, where,
     *     evidence and advice, then the warnings
     */
    public static String summary(Analysis analysis, String fullReport) {
        String header = String.format(Locale.ROOT, "paragent: %s — %d worker thread%s over %.2f s",
                flat(analysis.recordingName()), analysis.workerThreads(), analysis.workerThreads() == 1 ? "" : "s",
                analysis.wallSeconds());
        return summary(header, Verdict.sentence(analysis), analysis.findings(), analysis.warnings(), fullReport);
    }

    /**
     * The summary of the primary run's process tree: its merged findings over all its processes.
     *
     * @param fullReport as for {@link #summary(Analysis, String)}
     */
    public static String summary(MultiAnalysis analysis, String fullReport) {
        ProcessTree tree = analysis.primary();
        int workers = TreeTotals.workerThreads(tree);
        String header = String.format(Locale.ROOT, "paragent: %s — %s, %d worker thread%s over %.2f s",
                flat(tree.root().recordingName()), processes(tree), workers, workers == 1 ? "" : "s",
                tree.wallSeconds());
        List<String> warnings = new ArrayList<>(tree.warnings());
        warnings.addAll(analysis.warnings());
        return summary(header, Verdict.sentence(tree), tree.findings(), warnings, fullReport);
    }

    private static String summary(String header, String verdict, List<Finding> findings, List<String> warnings,
                                  String fullReport) {
        StringBuilder out = new StringBuilder();
        out.append(header).append(NL).append(flat(verdict)).append(NL);
        int n = Math.min(TOP_FINDINGS, findings.size());
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            out.append(NL).append(String.format(Locale.ROOT, "%d. %s %s  %s", i + 1, f.kind(),
                    Texts.percent(f.share()), flat(f.title()))).append(NL);
            out.append("   subject:  ").append(flat(f.subject())).append(NL);
            out.append("   where:    ").append(f.where() == null ? "no single code location" : flat(f.where()))
                    .append(NL);
            out.append("   evidence: ").append(flat(f.evidence())).append(NL);
            out.append("   advice:   ").append(flat(f.advice())).append(NL);
        }
        if (findings.size() > n) {
            out.append(NL).append(findings.size() - n).append(" more in the report").append(NL);
        }
        for (String warning : warnings) {
            out.append("warning: ").append(flat(warning)).append(NL);
        }
        if (fullReport != null) {
            out.append(NL).append("full report: ").append(flat(fullReport)).append(NL);
        }
        return out.toString();
    }

    /**
     * @param htmlReport the report written, or null when none was
     * @return at most {@value #TOP_FINDINGS} lines without line terminators: the first names the top
     *     finding (or its absence) and the report, the others findings 2 and 3
     */
    public static List<String> exitLines(Analysis analysis, Path htmlReport) {
        String report = reportSuffix(htmlReport);
        if (analysis.findings().isEmpty()) {
            if (analysis.workerThreads() == 0) {
                return List.of("paragent: no worker threads found" + report);
            }
            return List.of(String.format(Locale.ROOT, "paragent: no parallelism problem found (%d worker%s, %s running)%s",
                    analysis.workerThreads(), analysis.workerThreads() == 1 ? "" : "s",
                    Texts.percent(analysis.workerRunningShare()), report));
        }
        return findingLines(analysis.findings(), "", report);
    }

    /**
     * @param htmlReport the report written, or null when none was
     * @return the lines of {@link #exitLines(Analysis, Path)} for the primary run's process tree: its
     *     merged findings, with the number of processes on the first line
     */
    public static List<String> exitLines(MultiAnalysis analysis, Path htmlReport) {
        String report = reportSuffix(htmlReport);
        ProcessTree tree = analysis.primary();
        if (tree.findings().isEmpty()) {
            int workers = TreeTotals.workerThreads(tree);
            if (workers == 0) {
                return List.of("paragent: no worker threads found in " + processes(tree) + report);
            }
            return List.of(String.format(Locale.ROOT,
                    "paragent: no parallelism problem found (%s, %d worker%s, %s running)%s", processes(tree), workers,
                    workers == 1 ? "" : "s", Texts.percent(TreeTotals.workerRunningShare(tree)), report));
        }
        return findingLines(tree.findings(), " (" + processes(tree) + ")", report);
    }

    private static List<String> findingLines(List<Finding> findings, String scope, String report) {
        Finding top = findings.get(0);
        List<String> lines = new ArrayList<>();
        lines.add(flat(String.format(Locale.ROOT, "paragent: %s %s of worker time on %s%s%s%s", top.kind(),
                Texts.percent(top.share()), top.subject(), at(top), scope, report)));
        for (int i = 1; i < Math.min(TOP_FINDINGS, findings.size()); i++) {
            Finding f = findings.get(i);
            lines.add(flat(String.format(Locale.ROOT, "  %d. %s %s on %s%s", i + 1, f.kind(),
                    Texts.percent(f.share()), f.subject(), at(f))));
        }
        return List.copyOf(lines);
    }

    private static String at(Finding f) {
        return f.where() == null ? "" : " at " + f.where();
    }

    private static String reportSuffix(Path htmlReport) {
        return htmlReport == null ? "" : " — report: " + htmlReport.toAbsolutePath();
    }

    private static String processes(ProcessTree tree) {
        int n = tree.processes().size();
        return n + " process" + (n == 1 ? "" : "es");
    }

    private static String flat(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
