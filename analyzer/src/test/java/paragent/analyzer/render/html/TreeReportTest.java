package paragent.analyzer.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.MappedFileModel;
import paragent.analyzer.model.SerializationModel;
import paragent.analyzer.testing.Trees;
import paragent.analyzer.tree.MultiAnalysis;

/**
 * The report of a process tree: merged verdict, the tree with per-process utilization, the IPC
 * matrix and channels, the threads-vs-processes comparison; recorded strings always escaped.
 */
class TreeReportTest {

    private static String render(MultiAnalysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReportRenderer.render(analysis, out);
        return out.toString();
    }

    @Test
    void verdictAndFindingsAreTheTreesMergedOnes() throws Exception {
        String html = render(Trees.oneRun());

        assertThat(html).contains("<p class=\"verdict\">IPC: 30% of worker time is lost on pipe to child 4242 "
                + "&#39;java -cp … WorkerMain&#39; (stdin) at app.Main.send(Main.java:12).</p>");
        assertThat(html).contains("<title>paragent: parent.jfr + 1 more</title>")
                .contains("run 4200-1700000000000 · 2 processes · 2.00 s · 3 worker threads · 3.60 s CPU")
                .contains("<li>tree warning</li>").contains("<li>pid 4200 (parent.jfr): parent warning</li>")
                .contains("<p class=\"scope\">The sections below show the root process: pid 4200 ·")
                .doesNotContain("{{");
    }

    @Test
    void processTreeIndentsChildrenAndShowsTheirTimes() throws Exception {
        String html = render(Trees.oneRun());

        String root = row(html, "<td class=\"num\">4200</td>");
        assertThat(root).contains("padding-left:0.5em").contains("<small>parent.jfr</small>")
                .contains("<td class=\"num\">4200</td><td class=\"num\">+0.00 s</td><td class=\"num na\">n/a</td>"
                        + "<td class=\"num\">2.00 s</td><td class=\"num\">2.50 s</td><td class=\"num\">2</td>")
                .as("2.2 s running, 1.0 s blocked")
                .contains("<span class=\"running\" style=\"width:68.75%\" title=\"running 2.200 s\"></span>"
                        + "<span class=\"blocked\" style=\"width:31.25%\" title=\"blocked 1.000 s\"></span>");
        String child = row(html, "<td class=\"num\">4242</td>");
        assertThat(child).contains("padding-left:2.0em\">└ ")
                .contains("<td class=\"num\">4242</td><td class=\"num\">+0.25 s</td><td class=\"num\">0.35 s</td>"
                        + "<td class=\"num\">1.50 s</td><td class=\"num\">1.10 s</td><td class=\"num\">1</td>");
        assertThat(html.indexOf("<td class=\"num\">4200</td>")).isLessThan(html.indexOf("<td class=\"num\">4242</td>"));
    }

    @Test
    void matrixCellsShowWhatTheRowSentToTheColumnAndTheRowsBlockedTime() throws Exception {
        String html = render(Trees.oneRun());

        String matrix = html.substring(html.indexOf("<table class=\"matrix\">"), html.indexOf("</table>",
                html.indexOf("<table class=\"matrix\">")));
        assertThat(matrix).contains("<tr><th>from \\ to</th><th class=\"num\">4200</th><th class=\"num\">4242</th></tr>")
                .contains("<tr><th>4200</th><td class=\"num na\">·</td><td class=\"num\" data-v=\"1048576\" title=\"1,048,576 bytes\">"
                        + "1.0 MiB<br><small>0.40 s blocked</small></td></tr>")
                .contains("<tr><th>4242</th><td class=\"num\" data-v=\"2048\" title=\"2,048 bytes\">2.0 KiB<br><small>0.60 s blocked"
                        + "</small></td><td class=\"num na\">·</td></tr>");
    }

    @Test
    void channelRowHasExactBytesMessagesCostPerMessageAndSites() throws Exception {
        String html = render(Trees.oneRun());

        assertThat(html).contains("<td class=\"num\">4200 → 4242</td><td class=\"num\">1,048,576</td>"
                        + "<td class=\"num\">2,048</td><td class=\"num\">1,000</td><td class=\"num\">1,000</td>"
                        + "<td class=\"num\" data-v=\"600000\">600.0 µs</td><td class=\"num\">0.40 s</td><td class=\"num\">0.60 s</td>"
                        + "<td class=\"num\">0.20 s</td></tr>")
                .contains("(stdin)<br><small>pipe · sent at <code>app.Main.send(Main.java:12)</code> · received at "
                        + "<code>paragent.demo.WorkerMain.read(WorkerMain.java:30)</code></small></td>");
    }

    @Test
    void twoRunsAreComparedThreadsFirstWithTheSpeedupOfProcesses() throws Exception {
        String html = render(Trees.twoRuns());

        assertThat(html).contains("<h2 id=\"threads-vs-processes\">Threads vs processes</h2>")
                .contains("<th class=\"num\">threads</th><th class=\"num\">processes</th>")
                .contains("<tr><th>run</th><td class=\"num\">threads.jfr</td><td class=\"num\">parent.jfr + 1 more</td>")
                .contains("<tr><th>processes</th><td class=\"num\">1</td><td class=\"num\">2</td></tr>")
                .contains("<tr><th>worker threads</th><td class=\"num\">4</td><td class=\"num\">3</td></tr>")
                .contains("<tr><th>wall</th><td class=\"num\">4.00 s</td><td class=\"num\">2.00 s</td></tr>")
                .contains("<tr><th>CPU</th><td class=\"num\">12.50 s</td><td class=\"num\">3.60 s</td></tr>")
                .contains("<tr><th>worker time</th><td class=\"num\">16.00 s</td><td class=\"num\">5.00 s</td></tr>")
                .contains("<tr><th>lost to LOCK_CONTENTION</th><td class=\"num\">2.00 s</td><td class=\"num\">0.00 s</td>")
                .contains("<tr><th>lost to IPC</th><td class=\"num\">0.00 s</td><td class=\"num\">1.50 s</td>")
                .contains("Speedup of processes over threads: <b>2.00×</b> (wall 4.00 s → 2.00 s).");
        assertThat(html.indexOf("lost to LOCK_CONTENTION")).as("finding-kind order").isLessThan(html.indexOf("lost to IPC"));
        assertThat(html).as("the primary run leads").contains("IPC: 30% of worker time");
    }

    @Test
    void oneRunHasNoComparison() throws Exception {
        assertThat(render(Trees.oneRun())).doesNotContain("Threads vs processes").doesNotContain("Speedup");
    }

    @Test
    void commandWithScriptAppearsOnlyEscapedAndWhole() throws Exception {
        String html = render(Trees.twoRuns());

        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.split("<script", -1)).as("only the report's own script").hasSize(2);
        assertThat(html).contains("<code title=\"" + Html.escape(Trees.HOSTILE_COMMAND) + "\">"
                + Html.escape(Html.shortCommand(Trees.HOSTILE_COMMAND, ProcessTreeSection.COMMAND_CHARS)) + "</code>");
    }

    @Test
    void shortCommandDropsPathsClassPathAndAgentAndCutsTheMiddle() {
        assertThat(Html.shortCommand("/usr/bin/java -cp /a.jar:/b.jar -javaagent:/p.jar=x app.Worker 3", 60))
                .isEqualTo("java -cp … app.Worker 3");
        assertThat(Html.shortCommand("java " + "x".repeat(100), 21)).isEqualTo("java xxxxx…xxxxxxxxxx").hasSize(21);
        assertThat(Html.shortCommand(null, 60)).isEqualTo("?");
    }

    @Test
    void processIpcShowsChannelsSerializationAndMappedFiles() {
        ChannelModel pipe = new ChannelModel(1, ChannelKind.PIPE, "pipe from parent 4200 (stdout)", "child", "stdout",
                4200, "java app.Main", null, null, 77, 0, List.of(
                new ChannelThreadIo(1, 0, 4_000, 0, 4, 0, 0.25, null),
                new ChannelThreadIo(2, 0, 1_000, 0, 1, 0, 0.05, null)), null, "app.Worker.reply(Worker.java:9)");
        SerializationModel writes = new SerializationModel("write", "int[]", 5, 0.5, 0.3, 5_000, 1,
                "app.Worker.reply(Worker.java:8)", Map.of(1L, 0.2));
        MappedFileModel counter = new MappedFileModel("/tmp/<counter>", "READ_WRITE", 0, 4_096, null);

        String html = IpcSection.render(new IpcModel(List.of(pipe), List.of(writes), List.of(counter)));

        assertThat(html).startsWith("<h2 id=\"ipc\" data-nav=\"IPC\">Inter-process communication</h2>")
                .contains("pipe from parent 4200 (stdout)<br><small>pipe · child</small></td><td class=\"num\">0</td>"
                        + "<td class=\"num\">5,000</td><td class=\"num\">0</td><td class=\"num\">5</td>"
                        + "<td class=\"num\">0.00 s</td><td class=\"num na\">n/a</td><td class=\"num\">0.30 s</td>"
                        + "<td></td><td><code>app.Worker.reply(Worker.java:9)</code></td>")
                .contains("<td>write</td><td><code>int[]</code></td><td class=\"num\">5</td><td class=\"num\">0.50 s</td>"
                        + "<td class=\"num\">0.30 s</td><td class=\"num\">0.20 s</td><td class=\"num\">5,000</td>")
                .contains("<td><code>/tmp/&lt;counter&gt;</code></td><td>READ_WRITE</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">4,096</td><td></td>");
        assertThat(IpcSection.render(IpcModel.empty())).isEmpty();
    }

    /** @return the table row holding {@code marker} */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
