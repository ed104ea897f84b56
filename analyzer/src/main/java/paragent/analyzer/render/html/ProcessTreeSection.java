package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.List;
import java.util.Locale;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * The process tree: one row per JVM, indented by depth (root first), with its start, boot time,
 * wall and CPU time, worker threads and where its workers' time went, as a small stacked bar.
 * Stateless; thread-safe.
 */
final class ProcessTreeSection {

    /** Characters of a command shown in its cell; the whole command is in the cell's title. */
    static final int COMMAND_CHARS = 60;

    /** The bar's parts, in order: the state whose color each part takes, and its label. */
    private static final List<ThreadState> PART_COLORS = List.of(ThreadState.RUNNING, ThreadState.WAITING_FOR_CPU,
            ThreadState.BLOCKED, ThreadState.PARKED_OTHER, ThreadState.IO, ThreadState.OTHER);
    private static final List<String> PART_LABELS = List.of("running", "waiting for CPU", "blocked", "parked", "I/O",
            "other");

    private ProcessTreeSection() {
    }

    /** @return the legend and the table */
    static String render(ProcessTree tree) {
        StringBuilder html = new StringBuilder(legend()).append("<table class=\"tree\">\n<tr><th>process</th>"
                + "<th class=\"num\">pid</th><th class=\"num\">start</th><th class=\"num\">boot</th>"
                + "<th class=\"num\">wall</th><th class=\"num\">CPU</th><th class=\"num\">workers</th>"
                + "<th>workers' time</th></tr>\n");
        for (ProcessNode p : tree.processes()) {
            html.append(String.format(Locale.ROOT, "<tr><td style=\"padding-left:%.1fem\">", 0.5 + 1.5 * p.depth()))
                    .append(p.depth() > 0 ? "└ " : "").append("<code title=\"").append(escape(p.command()))
                    .append("\">").append(escape(Html.shortCommand(p.command(), COMMAND_CHARS)))
                    .append("</code><br><small>").append(escape(p.recordingName())).append("</small></td>")
                    .append("<td class=\"num\">").append(p.pid()).append("</td>")
                    .append(String.format(Locale.ROOT, "<td class=\"num\">+%.2f s</td>", p.startSeconds()))
                    .append(secondsCell(p.bootSeconds())).append(secondsCell(p.wallSeconds()))
                    .append(secondsCell(p.cpuSeconds()))
                    .append("<td class=\"num\">").append(p.analysis().workerThreads()).append("</td><td>")
                    .append(bar(p.analysis().threads())).append("</td></tr>\n");
        }
        return html.append("</table>").toString();
    }

    private static String legend() {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < PART_COLORS.size(); i++) {
            html.append("<span class=\"").append(PART_COLORS.get(i).jsonName()).append("\"></span>")
                    .append(PART_LABELS.get(i));
        }
        return html.append("</p>\n").toString();
    }

    /** @return the workers' summed time per part, as a bar of shares; a note when there are no workers */
    static String bar(List<ThreadTime> threads) {
        double[] seconds = new double[PART_COLORS.size()];
        for (ThreadTime t : threads) {
            if (t.worker()) {
                seconds[0] += t.runningSeconds();
                seconds[1] += t.waitingForCpuSeconds() == null ? 0 : t.waitingForCpuSeconds();
                seconds[2] += t.blockedSeconds();
                seconds[3] += t.parkedSeconds();
                seconds[4] += t.ioSeconds();
                seconds[5] += t.waitingSeconds() + t.sleepingSeconds() + t.gcSeconds() + t.otherSeconds();
            }
        }
        double total = 0;
        for (double s : seconds) {
            total += s;
        }
        if (total <= 0) {
            return "<span class=\"na\">no workers</span>";
        }
        StringBuilder html = new StringBuilder("<div class=\"bar small\">");
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] > 0) {
                html.append(String.format(Locale.ROOT, "<span class=\"%s\" style=\"width:%.2f%%\" title=\"%s %.3f s\">"
                        + "</span>", PART_COLORS.get(i).jsonName(), 100 * seconds[i] / total, PART_LABELS.get(i),
                        seconds[i]));
            }
        }
        return html.append("</div>").toString();
    }
}
