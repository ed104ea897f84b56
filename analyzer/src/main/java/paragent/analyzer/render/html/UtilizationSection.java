package paragent.analyzer.render.html;

import java.util.Locale;
import paragent.analyzer.Analysis;

/**
 * The effective CPU utilization: a histogram of the time during which k application threads were
 * running at once ({@link Analysis#runningThreadsHistogram()}), drawn with CSS bars, with a marker
 * at the core count. Stateless; thread-safe.
 */
final class UtilizationSection {

    /** At most about this many bars get a number under them. */
    private static final int LABELS = 16;

    private UtilizationSection() {
    }

    /** @return the histogram's HTML, or a sentence when there is no timeline */
    static String render(Analysis analysis) {
        if (analysis.timeline().buckets() == 0) {
            return "<p>No timeline was recorded, so the utilization is unknown.</p>";
        }
        double[] histogram = analysis.runningThreadsHistogram();
        int cores = analysis.jvm().availableProcessors();
        double total = 0;
        double threadSeconds = 0;
        double highest = 0;
        for (int k = 0; k < histogram.length; k++) {
            total += histogram[k];
            threadSeconds += k * histogram[k];
            highest = Math.max(highest, histogram[k]);
        }
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT, "<p>Time with <i>k</i> application "
                + "threads running at once; ideal: all time at <i>k</i> = %s. On average %.1f threads ran.</p>\n",
                cores > 0 ? cores + " (the cores)" : "the core count (unknown)", total > 0 ? threadSeconds / total : 0));
        html.append("<div class=\"hist\">");
        int labelStep = Math.max(1, (histogram.length + LABELS - 1) / LABELS);
        for (int k = 0; k < histogram.length; k++) {
            boolean atCores = k == cores;
            html.append(String.format(Locale.ROOT, "<div class=\"col%s\" title=\"%d running: %.2f s (%.0f%%)\">"
                            + "%s<div class=\"b\" style=\"height:%.1f%%\"></div><span>%s</span></div>",
                    atCores ? " cores" : "", k, histogram[k], total > 0 ? 100 * histogram[k] / total : 0,
                    atCores ? "<em>" + cores + " cores</em>" : "", highest > 0 ? 100 * histogram[k] / highest : 0,
                    atCores || k % labelStep == 0 ? Integer.toString(k) : ""));
        }
        return html.append("</div>").toString();
    }
}
