package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.bytesCell;
import static paragent.analyzer.render.html.Html.codeCell;
import static paragent.analyzer.render.html.Html.countCell;
import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.Locale;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.MappedFileModel;
import paragent.analyzer.model.SerializationModel;

/**
 * One process's communication with other processes: its channels (pipes and sockets) with bytes,
 * calls and time each way, its serialization, and the files it mapped into memory. Unknown values
 * are shown as such, never as 0. Stateless; thread-safe.
 */
final class IpcSection {

    /** Header cells of a mapped-file row. */
    static final String MAPPED_FILE_HEADER = "<th>file</th><th>mode</th><th class=\"num\">position</th>"
            + "<th class=\"num\">bytes</th><th>mapped at</th>";

    private IpcSection() {
    }

    /** @return the section with its heading, or "" when the process did not talk to others */
    static String render(IpcModel ipc) {
        if (ipc.channels().isEmpty() && ipc.serialization().isEmpty() && ipc.mappedFiles().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"ipc\" data-nav=\"IPC\">Inter-process communication</h2>\n");
        if (!ipc.channels().isEmpty()) {
            html.append(channels(ipc));
        }
        if (!ipc.serialization().isEmpty()) {
            html.append(serialization(ipc));
        }
        if (!ipc.mappedFiles().isEmpty()) {
            html.append("<h3>Memory-mapped files</h3>\n<table>\n<tr>").append(MAPPED_FILE_HEADER).append("</tr>\n");
            for (MappedFileModel m : Html.firstRows(ipc.mappedFiles())) {
                html.append("<tr>").append(mappedFileCells(m)).append("</tr>\n");
            }
            html.append("</table>\n").append(Html.moreRows(ipc.mappedFiles().size(), "mapped files"));
        }
        return html.toString();
    }

    /** @return the cells of one mapped file, in {@link #MAPPED_FILE_HEADER}'s order */
    static String mappedFileCells(MappedFileModel m) {
        return codeCell(m.path()) + "<td>" + escape(m.mode()) + "</td>" + bytesCell(m.position()) + bytesCell(m.size())
                + codeCell(m.site());
    }

    private static String channels(IpcModel ipc) {
        StringBuilder html = new StringBuilder("<h3>Channels</h3>\n<table class=\"channels\">\n<tr><th>channel</th>"
                + "<th class=\"num\">bytes read</th><th class=\"num\">bytes written</th><th class=\"num\">reads</th>"
                + "<th class=\"num\">writes</th><th class=\"num\">in reads</th><th class=\"num\">of which idle</th>"
                + "<th class=\"num\">in writes</th><th>read at</th><th>written at</th></tr>\n");
        for (ChannelModel c : Html.firstRows(ipc.channels())) {
            html.append("<tr><td>").append(escape(c.name())).append("<br><small>")
                    .append(c.kind().name().toLowerCase(Locale.ROOT)).append(" · ").append(escape(c.side()))
                    .append(c.kind() == ChannelKind.SOCKET && c.connectSeconds() > 0 ? String.format(Locale.ROOT,
                            " · connect %.3f s", c.connectSeconds()) : "").append("</small></td>")
                    .append(bytesCell(c.bytesRead())).append(bytesCell(c.bytesWritten()))
                    .append(countCell(c.reads())).append(countCell(c.writes()))
                    .append(secondsCell(c.readSeconds())).append(secondsCell(c.idleReadSeconds()))
                    .append(secondsCell(c.writeSeconds()))
                    .append(codeCell(c.readSite())).append(codeCell(c.writeSite())).append("</tr>\n");
        }
        return html.append("</table>\n").append(Html.moreRows(ipc.channels().size(), "channels")).toString();
    }

    private static String serialization(IpcModel ipc) {
        StringBuilder html = new StringBuilder("<h3>Serialization</h3>\n<table>\n<tr><th>direction</th><th>class</th>"
                + "<th class=\"num\">objects</th><th class=\"num\">time</th><th class=\"num\">of which on channels</th>"
                + "<th class=\"num\">CPU</th><th class=\"num\">channel bytes</th><th>at</th></tr>\n");
        for (SerializationModel s : Html.firstRows(ipc.serialization())) {
            html.append("<tr><td>").append(escape(s.direction())).append("</td>").append(codeCell(s.className()))
                    .append(countCell(s.objects())).append(secondsCell(s.seconds()))
                    .append(secondsCell(s.channelSeconds())).append(secondsCell(Math.max(0, s.seconds() - s.channelSeconds())))
                    .append(bytesCell(s.channelBytes())).append(codeCell(s.site())).append("</tr>\n");
        }
        return html.append("</table>\n").append(Html.moreRows(ipc.serialization().size(), "serialized classes"))
                .toString();
    }
}
