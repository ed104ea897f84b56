package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;

/**
 * The per-thread table: where each thread's lifetime went, in seconds per state, with a bar. Up to
 * {@value #MAX_ROWS} threads it has one row per thread; with more, one row per name group
 * ({@link ThreadTime#group()}, e.g. {@code pool-3-thread-N ×4,000}) with its members' summed
 * times, a group of one shown as its thread. At most {@value #MAX_ROWS} rows either way: workers
 * first, then application threads, then by running time; what is left is summed into one
 * "other threads" row, so the table is bounded however many threads the recording has.
 * Stateless; thread-safe.
 */
final class ThreadTable {

    /** Rows of the table, at most, including the "other threads" row. */
    static final int MAX_ROWS = 200;
    /** The states of the bars, in order; a thread is never in NOT_ALIVE during its lifetime. */
    static final List<ThreadState> BAR_STATES =
            Arrays.asList(ThreadState.values()).subList(0, ThreadState.NOT_ALIVE.ordinal());

    private static final Comparator<ThreadTime> ORDER = Comparator.comparing((ThreadTime t) -> !t.worker())
            .thenComparing(ThreadTime::internal)
            .thenComparing(Comparator.comparingDouble(ThreadTime::runningSeconds).reversed())
            .thenComparing(Comparator.comparingDouble(ThreadTime::lifetimeSeconds).reversed());

    private ThreadTable() {
    }

    /** @return the legend, the table and, when threads were grouped or summed, a note that says so */
    static String render(List<ThreadTime> threads) {
        boolean grouped = threads.size() > MAX_ROWS;
        List<Row> rows = (grouped ? groups(threads) : threads.stream().map(t -> new Row(t, 1)).toList())
                .stream().sorted(Comparator.comparing(Row::time, ORDER)).toList();
        StringBuilder html = new StringBuilder(StatePalette.legend(BAR_STATES));
        if (grouped) {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">%,d threads, shown by name group: digits of a "
                    + "name replaced by N, times summed over the group's threads.</p>\n", threads.size()));
        }
        html.append("<table class=\"threads\">\n<tr><th rowspan=\"2\">thread</th><th class=\"num\" rowspan=\"2\">alive</th>"
                + "<th class=\"num\" rowspan=\"2\">running</th><th class=\"num\" rowspan=\"2\">waiting for CPU</th>"
                + "<th class=\"num\" rowspan=\"2\">blocked</th><th class=\"num span\" colspan=\"3\">parked</th>"
                + "<th class=\"num\" rowspan=\"2\">waiting</th><th class=\"num\" rowspan=\"2\">sleeping</th>"
                + "<th class=\"num\" rowspan=\"2\">I/O</th><th class=\"num\" rowspan=\"2\">GC</th>"
                + "<th rowspan=\"2\">time</th></tr>\n"
                + "<tr><th class=\"num\">lock</th><th class=\"num\">idle</th><th class=\"num\">other</th></tr>\n");
        List<Row> shown = rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS - 1) : rows;
        shown.forEach(r -> row(html, r));
        if (shown.size() < rows.size()) {
            List<Row> rest = rows.subList(shown.size(), rows.size());
            row(html, new Row(sum(String.format(Locale.ROOT, "%,d other threads", rest.stream().mapToInt(Row::members)
                    .sum()), rest.stream().map(Row::time).toList()), 0));
        }
        return html.append("</table>").toString();
    }

    /** One row: a thread ({@code members} 1), a group's sum, or the sum of the rest ({@code members} 0). */
    private record Row(ThreadTime time, int members) {
    }

    private static List<Row> groups(List<ThreadTime> threads) {
        Map<List<Object>, List<ThreadTime>> byGroup = new LinkedHashMap<>();
        for (ThreadTime t : threads) {
            byGroup.computeIfAbsent(List.of(Objects.requireNonNullElse(t.group(), ""), t.internal()),
                    k -> new ArrayList<>()).add(t);
        }
        return byGroup.values().stream()
                .map(g -> g.size() == 1 ? new Row(g.get(0), 1) : new Row(sum(g.get(0).group(), g), g.size()))
                .toList();
    }

    /** @return the members' times summed under {@code name}; a worker when any member is one */
    private static ThreadTime sum(String name, List<ThreadTime> members) {
        boolean cpuKnown = members.stream().allMatch(t -> t.waitingForCpuSeconds() != null);
        return new ThreadTime(name, -1, null, total(members, ThreadTime::cpuSeconds),
                total(members, ThreadTime::lifetimeSeconds), total(members, ThreadTime::runningSeconds),
                cpuKnown ? total(members, t -> t.waitingForCpuSeconds()) : null,
                total(members, ThreadTime::blockedSeconds), total(members, ThreadTime::parkedSeconds),
                total(members, ThreadTime::parkedLockSeconds), total(members, ThreadTime::parkedIdleSeconds),
                total(members, ThreadTime::waitingSeconds), total(members, ThreadTime::sleepingSeconds),
                total(members, ThreadTime::ioSeconds), total(members, ThreadTime::gcSeconds),
                total(members, ThreadTime::otherSeconds), members.stream().mapToLong(ThreadTime::executionSamples).sum(),
                members.stream().allMatch(ThreadTime::internal), members.stream().anyMatch(ThreadTime::worker), name);
    }

    private static double total(List<ThreadTime> members, ToDoubleFunction<ThreadTime> seconds) {
        return members.stream().mapToDouble(seconds).sum();
    }

    private static void row(StringBuilder html, Row r) {
        ThreadTime t = r.time();
        html.append("<tr").append(t.internal() ? " class=\"internal\"" : "").append("><td>").append(escape(t.name()));
        if (r.members() > 1) {
            html.append(String.format(Locale.ROOT, " <small>×%,d%s</small>", r.members(), t.worker() ? ", workers" : ""));
        } else if (r.members() == 1 && t.worker()) {
            html.append(" <small>(worker)</small>");
        }
        html.append("</td>").append(seconds(t.lifetimeSeconds())).append(seconds(t.runningSeconds()))
                .append(t.waitingForCpuSeconds() == null ? "<td class=\"num na\">n/a</td>"
                        : seconds(t.waitingForCpuSeconds()))
                .append(seconds(t.blockedSeconds())).append(seconds(t.parkedLockSeconds()))
                .append(seconds(t.parkedIdleSeconds())).append(seconds(t.parkedOtherSeconds()))
                .append(seconds(t.waitingSeconds())).append(seconds(t.sleepingSeconds()))
                .append(seconds(t.ioSeconds())).append(seconds(t.gcSeconds())).append("<td>").append(bar(t))
                .append("</td></tr>\n");
    }

    /** @return seconds with two decimals in a cell, without a unit: the table's header says seconds */
    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "<td class=\"num\">%.2f</td>", seconds);
    }

    private static String bar(ThreadTime t) {
        double[] seconds = {t.runningSeconds(), t.waitingForCpuSeconds() == null ? 0 : t.waitingForCpuSeconds(),
                t.blockedSeconds(), t.parkedLockSeconds(), t.parkedIdleSeconds(), t.parkedOtherSeconds(),
                t.waitingSeconds(), t.sleepingSeconds(), t.ioSeconds(), t.gcSeconds(), t.otherSeconds()};
        double total = Arrays.stream(seconds).sum();
        StringBuilder html = new StringBuilder("<div class=\"bar\">");
        for (int i = 0; i < seconds.length && total > 0; i++) {
            double percent = 100 * seconds[i] / total;
            if (percent > 0) {
                ThreadState state = BAR_STATES.get(i);
                html.append(String.format(Locale.ROOT, "<span class=\"%s\" style=\"width:%.2f%%\" title=\"%s %.3f s\"></span>",
                        state.jsonName(), percent, StatePalette.label(state), seconds[i]));
            }
        }
        return html.append("</div>").toString();
    }
}
