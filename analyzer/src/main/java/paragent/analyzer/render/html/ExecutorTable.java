package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.codeCell;
import static paragent.analyzer.render.html.Html.countCell;
import static paragent.analyzer.render.html.Html.durationCell;
import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.List;
import java.util.Locale;
import paragent.analyzer.model.ExecutorModel;

/** The executors table: one row per thread pool, with its tasks' run times and queue waits. Stateless; thread-safe. */
final class ExecutorTable {

    private ExecutorTable() {
    }

    /** @return the table, or a sentence when no executor was recorded */
    static String render(List<ExecutorModel> executors) {
        if (executors.isEmpty()) {
            return "<p>No executor was recorded.</p>";
        }
        StringBuilder html = new StringBuilder("<table>\n<tr><th>pool</th><th>kind</th><th class=\"num\">workers</th>"
                + "<th class=\"num\">tasks</th><th class=\"num\">run p50</th><th class=\"num\">run p99</th>"
                + "<th class=\"num\">queue p50</th><th class=\"num\">queue p99</th><th class=\"num\">submit / task</th>"
                + "<th class=\"num\">idle workers</th><th>created at</th><th>submitted at</th></tr>\n");
        for (ExecutorModel e : Html.firstRows(executors)) {
            html.append("<tr><td>").append(escape(e.name())).append("<br><small><code>").append(escape(e.executorClass()))
                    .append("</code></small></td><td>").append(escape(e.kind())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td class=\"num\">%d%s</td>", e.workerIds().size(),
                            e.parallelism() > 0 ? " <small>of " + e.parallelism() + "</small>" : ""))
                    .append(countCell(e.tasks()))
                    .append(durationCell(e.runTime().p50Nanos())).append(durationCell(e.runTime().p99Nanos()))
                    .append(durationCell(e.queueWait().p50Nanos())).append(durationCell(e.queueWait().p99Nanos()))
                    .append(e.submits() > 0 ? durationCell(e.submitNanos() / e.submits()) : "<td class=\"num na\">n/a</td>")
                    .append(secondsCell(e.idleWorkerSeconds()))
                    .append(codeCell(e.creationSite())).append(codeCell(e.submitSite())).append("</tr>\n");
        }
        return html.append("</table>").append(Html.moreRows(executors.size(), "executors")).toString();
    }
}
