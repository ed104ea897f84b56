package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.codeCell;
import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.Locale;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.VirtualThreadPinning;

/**
 * The JVM's own CPU use against cores × wall time, the machine's load, garbage collection, and a
 * table of the child processes. Unknown values are shown as such, never as 0. Stateless; thread-safe.
 */
final class ProcessSection {

    private ProcessSection() {
    }

    /** @return the section's HTML */
    static String render(Analysis analysis) {
        ProcessModel p = analysis.processes();
        StringBuilder html = new StringBuilder("<ul class=\"facts\">\n<li>").append(jvmCpu(analysis)).append("</li>\n");
        if (p.machineCpuFraction() != null) {
            html.append("<li>Machine: ").append(escape(Texts.percent(p.machineCpuFraction())))
                    .append(" of its CPU busy on average (all processes).</li>\n");
        }
        html.append("<li>").append(gc(analysis.gc())).append("</li>\n");
        if (analysis.pinning().events() > 0) {
            html.append("<li>").append(pinning(analysis.pinning())).append("</li>\n");
        }
        html.append("</ul>\n");
        return html.append(children(p)).toString();
    }

    /** @return the pinned virtual threads' line: count, time, longest, the top reasons */
    static String pinning(VirtualThreadPinning pinning) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Virtual threads pinned to their carrier while blocked: %,d time%s, %.3f s in all, longest %.3f s",
                pinning.events(), pinning.events() == 1 ? "" : "s", pinning.pinnedSeconds(), pinning.maxSeconds()));
        int shown = Math.min(3, pinning.reasons().size());
        for (int i = 0; i < shown; i++) {
            VirtualThreadPinning.Reason r = pinning.reasons().get(i);
            line.append(i == 0 ? "; " : ", ").append(escape(r.reason()))
                    .append(String.format(Locale.ROOT, " (%,d, %.3f s)", r.events(), r.pinnedSeconds()));
        }
        return line.append('.').toString();
    }

    private static String jvmCpu(Analysis a) {
        ProcessModel p = a.processes();
        if (p.jvmUserSeconds() == null && p.jvmSystemSeconds() == null) {
            return "JVM CPU: not recorded.";
        }
        double user = p.jvmUserSeconds() == null ? 0 : p.jvmUserSeconds();
        double system = p.jvmSystemSeconds() == null ? 0 : p.jvmSystemSeconds();
        int cores = a.jvm().availableProcessors();
        double capacity = cores * a.wallSeconds();
        return String.format(Locale.ROOT, "JVM CPU: %s s user + %s s system = %.2f s", known(p.jvmUserSeconds()),
                known(p.jvmSystemSeconds()), user + system)
                + (capacity > 0 ? String.format(Locale.ROOT, " of %d cores × %.2f s wall = %.2f s (%s).", cores,
                a.wallSeconds(), capacity, escape(Texts.percent((user + system) / capacity))) : ".");
    }

    private static String known(Double seconds) {
        return seconds == null ? "n/a" : String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String gc(GcModel gc) {
        if (gc.pauses() == 0) {
            return "GC: no pause recorded.";
        }
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT, "GC: %,d pause%s, %.3f s in all",
                gc.pauses(), gc.pauses() == 1 ? "" : "s", gc.pauseSeconds()));
        if (gc.collector() != null) {
            html.append(" (").append(escape(gc.collector())).append(')');
        }
        if (gc.topAllocatedClass() != null) {
            html.append("; most allocated: <code>").append(escape(gc.topAllocatedClass())).append("</code> (")
                    .append(escape(Texts.percent(gc.topAllocatedShare()))).append(" of sampled allocation)");
            if (gc.topAllocationSite() != null) {
                html.append(" at <code>").append(escape(gc.topAllocationSite())).append("</code>");
            }
        }
        return html.append('.').toString();
    }

    private static String children(ProcessModel p) {
        if (p.children().isEmpty()) {
            return "<p>No child process was recorded.</p>";
        }
        StringBuilder html = new StringBuilder("<table>\n<tr><th>command</th><th class=\"num\">pid</th>"
                + "<th class=\"num\">spawn</th><th class=\"num\">lifetime</th><th class=\"num\">CPU</th>"
                + "<th>exit</th><th>started at</th></tr>\n");
        for (ChildProcess c : Html.firstRows(p.children())) {
            html.append("<tr>").append(codeCell(c.command()))
                    .append(c.pid() < 0 ? "<td class=\"num na\">–</td>" : "<td class=\"num\">" + c.pid() + "</td>")
                    .append(String.format(Locale.ROOT, "<td class=\"num\">%.3f s</td>", c.spawnSeconds()))
                    .append(secondsCell(c.lifetimeSeconds())).append(secondsCell(c.cpuSeconds()))
                    .append("<td>").append(exit(c)).append("</td>").append(codeCell(c.spawnSite())).append("</tr>\n");
        }
        return html.append("</table>").append(Html.moreRows(p.children().size(), "child processes")).toString();
    }

    private static String exit(ChildProcess c) {
        if (c.error() != null) {
            return "<span class=\"error\">" + escape(c.error()) + "</span>";
        }
        return c.exitCode() == null ? "<span class=\"na\">not seen</span>" : c.exitCode().toString();
    }
}
