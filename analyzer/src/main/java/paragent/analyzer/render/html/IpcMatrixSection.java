package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.bytesCell;
import static paragent.analyzer.render.html.Html.countCell;
import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.MappedFileModel;
import paragent.analyzer.tree.IpcLink;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Who talks to whom in a process tree: a processes × processes matrix (a cell: what the row's
 * process sent to the column's and how long the row's process was blocked on their channels), one
 * row per channel with both ends' numbers, and the files the processes mapped into memory.
 * Stateless; thread-safe.
 */
final class IpcMatrixSection {

    private IpcMatrixSection() {
    }

    /** @return the matrix, the channel table and the mapped files, or a sentence when the processes did not talk */
    static String render(ProcessTree tree) {
        String mapped = mappedFiles(tree);
        if (tree.links().isEmpty()) {
            return "<p>No channel between the processes was recorded.</p>\n" + mapped;
        }
        return matrix(tree) + channels(tree.links()) + mapped;
    }

    private static String matrix(ProcessTree tree) {
        List<Long> pids = talkingPids(tree);
        Map<Long, Map<Long, double[]>> cells = new LinkedHashMap<>();
        for (IpcLink l : tree.links()) {
            add(cells, l.fromPid(), l.toPid(), l.bytesFromTo(), l.fromBlockedSeconds());
            add(cells, l.toPid(), l.fromPid(), l.bytesToFrom(), l.toBlockedSeconds());
        }
        StringBuilder html = new StringBuilder("<p>A cell: bytes the row's process sent to the column's, and the row's"
                + " time blocked reading from or writing to the column's.</p>\n<table class=\"matrix\">\n"
                + "<tr><th>from \\ to</th>");
        for (long pid : pids) {
            html.append("<th class=\"num\">").append(pid).append("</th>");
        }
        html.append("</tr>\n");
        for (long row : pids) {
            html.append("<tr><th>").append(row).append("</th>");
            for (long column : pids) {
                double[] cell = cells.getOrDefault(row, Map.of()).get(column);
                html.append(cell == null ? "<td class=\"num na\">·</td>" : String.format(Locale.ROOT,
                        "<td class=\"num\" data-v=\"%1$d\" title=\"%1$,d bytes\">%2$s<br><small>%3$.2f s blocked</small></td>",
                        (long) cell[0], Html.bytes((long) cell[0]), cell[1]));
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** @return the pids in tree order that have a link, then any linked pid outside the tree */
    private static List<Long> talkingPids(ProcessTree tree) {
        List<Long> pids = new ArrayList<>();
        for (ProcessNode p : tree.processes()) {
            if (tree.links().stream().anyMatch(l -> l.fromPid() == p.pid() || l.toPid() == p.pid())) {
                pids.add(p.pid());
            }
        }
        for (IpcLink l : tree.links()) {
            for (long pid : new long[] {l.fromPid(), l.toPid()}) {
                if (!pids.contains(pid)) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    private static void add(Map<Long, Map<Long, double[]>> cells, long from, long to, long bytes, double blocked) {
        double[] cell = cells.computeIfAbsent(from, k -> new LinkedHashMap<>()).computeIfAbsent(to, k -> new double[2]);
        cell[0] += bytes;
        cell[1] += blocked;
    }

    private static String channels(List<IpcLink> links) {
        StringBuilder html = new StringBuilder("<h3>Channels</h3>\n<table class=\"channels\">\n<tr><th>channel</th>"
                + "<th class=\"num\">from → to</th><th class=\"num\">bytes →</th><th class=\"num\">bytes ←</th>"
                + "<th class=\"num\">messages →</th><th class=\"num\">messages ←</th>"
                + "<th class=\"num\">cost / message</th><th class=\"num\">blocked (from)</th>"
                + "<th class=\"num\">blocked (to)</th><th class=\"num\">serialization</th></tr>\n");
        List<IpcLink> ordered = links.stream().sorted(Comparator.comparingDouble(IpcMatrixSection::seconds).reversed())
                .toList();
        for (IpcLink l : Html.firstRows(ordered)) {
            long messages = l.messagesFromTo() + l.messagesToFrom();
            html.append("<tr><td>").append(escape(l.name())).append("<br><small>")
                    .append(l.kind().name().toLowerCase(Locale.ROOT))
                    .append(l.matched() ? "" : " · <span class=\"na\">one end recorded</span>")
                    .append(site(" · sent at ", l.sendSite())).append(site(" · received at ", l.receiveSite()))
                    .append("</small></td>")
                    .append("<td class=\"num\">").append(l.fromPid()).append(" → ").append(l.toPid()).append("</td>")
                    .append(bytesCell(l.bytesFromTo())).append(bytesCell(l.bytesToFrom()))
                    .append(countCell(l.messagesFromTo())).append(countCell(l.messagesToFrom()))
                    .append(messages > 0 ? Html.durationCell((long) (seconds(l) * 1e9 / messages))
                            : "<td class=\"num na\">n/a</td>")
                    .append(secondsCell(l.fromBlockedSeconds())).append(secondsCell(l.toBlockedSeconds()))
                    .append(secondsCell(l.serializationSeconds())).append("</tr>\n");
        }
        return html.append("</table>\n").append(Html.moreRows(ordered.size(), "channels")).toString();
    }

    private static String site(String label, String frame) {
        return frame == null ? "" : label + "<code>" + escape(frame) + "</code>";
    }

    /** @return the link's whole cost: both ends' blocked time and its serialization */
    private static double seconds(IpcLink l) {
        return l.fromBlockedSeconds() + l.toBlockedSeconds() + l.serializationSeconds();
    }

    private static String mappedFiles(ProcessTree tree) {
        StringBuilder rows = new StringBuilder();
        for (ProcessNode p : tree.processes()) {
            for (MappedFileModel m : p.analysis().ipc().mappedFiles()) {
                rows.append("<tr><td class=\"num\">").append(p.pid()).append("</td>").append(IpcSection.mappedFileCells(m))
                        .append("</tr>\n");
            }
        }
        if (rows.length() == 0) {
            return "";
        }
        return "<h3>Memory-mapped files</h3>\n<table>\n<tr><th class=\"num\">pid</th>" + IpcSection.MAPPED_FILE_HEADER
                + "</tr>\n" + rows + "</table>\n";
    }
}
