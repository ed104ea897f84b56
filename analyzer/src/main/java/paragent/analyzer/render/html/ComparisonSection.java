package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.render.TreeTotals;
import paragent.analyzer.tree.ProcessTree;

/**
 * Two runs of one program side by side, typically the same work done by threads in one JVM and by
 * several worker processes: wall, CPU and worker time, the time lost per finding kind, and the
 * speedup of the second over the first. Stateless; thread-safe.
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    /** @return the section with its heading, or "" unless there are exactly two runs */
    static String render(List<ProcessTree> runs) {
        if (runs.size() != 2) {
            return "";
        }
        boolean threadsFirst = runs.get(0).processes().size() == 1 && runs.get(1).processes().size() > 1;
        boolean threadsSecond = runs.get(1).processes().size() == 1 && runs.get(0).processes().size() > 1;
        ProcessTree base = threadsSecond ? runs.get(1) : runs.get(0);
        ProcessTree other = threadsSecond ? runs.get(0) : runs.get(1);
        boolean named = threadsFirst || threadsSecond;
        String baseName = named ? "threads" : "run 1";
        String otherName = named ? "processes" : "run 2";
        StringBuilder html = new StringBuilder("<h2>").append(named ? "Threads vs processes" : "Two runs compared")
                .append("</h2>\n<table class=\"comparison\">\n<tr><th></th><th class=\"num\">").append(baseName)
                .append("</th><th class=\"num\">").append(otherName).append("</th></tr>\n");
        row(html, "run", escape(runName(base)), escape(runName(other)));
        row(html, "processes", Integer.toString(base.processes().size()), Integer.toString(other.processes().size()));
        row(html, "worker threads", Integer.toString(TreeTotals.workerThreads(base)),
                Integer.toString(TreeTotals.workerThreads(other)));
        row(html, "wall", seconds(base.wallSeconds()), seconds(other.wallSeconds()));
        row(html, "CPU", seconds(TreeTotals.cpuSeconds(base)), seconds(TreeTotals.cpuSeconds(other)));
        row(html, "worker time", seconds(base.workerSeconds()), seconds(other.workerSeconds()));
        Map<FindingKind, Double> baseLost = TreeTotals.lostSecondsByKind(base);
        Map<FindingKind, Double> otherLost = TreeTotals.lostSecondsByKind(other);
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        kinds.addAll(baseLost.keySet());
        kinds.addAll(otherLost.keySet());
        for (FindingKind kind : kinds) {
            row(html, "lost to " + kind.name(), seconds(baseLost.getOrDefault(kind, 0.0)),
                    seconds(otherLost.getOrDefault(kind, 0.0)));
        }
        html.append("</table>\n");
        if (base.wallSeconds() > 0 && other.wallSeconds() > 0) {
            html.append(String.format(Locale.ROOT, "<p class=\"speedup\">Speedup of %s over %s: <b>%.2f×</b> "
                    + "(wall %.2f s → %.2f s).</p>\n", otherName, baseName, base.wallSeconds() / other.wallSeconds(),
                    base.wallSeconds(), other.wallSeconds()));
        }
        return html.toString();
    }

    private static String runName(ProcessTree run) {
        return run.root().recordingName() + (run.processes().size() > 1
                ? " + " + (run.processes().size() - 1) + " more" : "");
    }

    private static void row(StringBuilder html, String label, String base, String other) {
        html.append("<tr><th>").append(label).append("</th><td class=\"num\">").append(base)
                .append("</td><td class=\"num\">").append(other).append("</td></tr>\n");
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
