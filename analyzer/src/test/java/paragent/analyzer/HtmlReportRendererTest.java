package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.HolderCount;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.WaitDistribution;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.testing.Workloads;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/** The HTML report is one self-contained file in which recorded strings are always escaped. */
class HtmlReportRendererTest {

    private static String render(Analysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReportRenderer.render(analysis, out);
        return out.toString();
    }

    @Test
    void threadNamedScriptAppearsOnlyEscaped() throws Exception {
        String html = render(Analyzer.analyze(Workloads.monitorContention()));

        assertThat(html).doesNotContain(Workloads.HOSTILE_THREAD_NAME);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(count(html, "<script") - count(html, "<script type=\"application/json\" class=\"flame-data\">"))
                .as("only the report's own script, besides flame graphs' inert data").isEqualTo(1);
    }

    @Test
    void onlyTheReportsOwnScriptMayRun() throws Exception {
        String html = render(Analyzer.analyze(Workloads.monitorContention()));

        int open = html.indexOf("<script>") + "<script>".length();
        String script = html.substring(open, html.indexOf("</script>", open));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'sha256-" + hash + "'\">");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<script>"));
    }

    @Test
    void reportLeadsWithVerdictAndShowsFindingsThreadsAndLocks() throws Exception {
        String html = render(Analyzer.analyze(Workloads.monitorContention()));

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html.indexOf("class=\"verdict")).isLessThan(html.indexOf("class=\"finding\""));
        assertThat(html).contains("LOCK_CONTENTION").contains("Workloads$SharedCounter")
                .contains("class=\"bar\"").contains("worker-1").contains("p99").doesNotContain("{{");
    }

    @Test
    void reportIsSelfContained() throws Exception {
        String html = render(Analyzer.analyze(Workloads.monitorContention()));

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\(");
    }

    @Test
    void everyRecordedStringIsEscaped() throws Exception {
        String nasty = "<b>\"x\" & 'y'</b>";
        ThreadTime t = new ThreadTime(nasty, 7, 70L, 1, 2, 1, null, 0.5, 0, 0, 0, 0, 0, 0.5, 3, false, true);
        Finding f = new Finding(FindingKind.LOCK_CONTENTION, 0.5, 0.25, nasty, nasty, nasty, nasty, nasty, List.of(nasty));
        Analysis analysis = new Analysis(nasty, new JvmInfo(1L, "17", 2, nasty), 2, 1, 0, List.of(t), List.of(),
                List.of(f), List.of(nasty));

        String html = render(analysis);

        assertThat(html).doesNotContain(nasty).doesNotContain("<b>");
        assertThat(html).contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }

    @Test
    void timelineHasOneLanePerThreadAndGroupAndOneCellPerBucket() throws Exception {
        String html = render(synthetic());

        assertThat(count(html, "class=\"lane group\"")).as("the pool's group lane").isEqualTo(1);
        List<String> lanes = attributes(html, "data-s");
        assertThat(lanes).hasSize(5).allSatisfy(lane -> assertThat(lane).hasSize(BUCKETS));
        assertThat(lanes.get(0)).isEqualTo("RRRRRRRRRR");
        assertThat(lanes.get(1)).isEqualTo("BBBBBRRRRR");
        assertThat(lanes.get(4)).as("the JVM thread, last").isEqualTo("..IIIIIIII");
        String group = attributes(html, "data-g").get(0);
        assertThat(group.split(" ")).hasSize(BUCKETS);
        assertThat(group).as("2/3 running, 1/3 blocked, in 1/20s by largest remainder").startsWith("Rd" + "B7 ");
        assertThat(html).contains("data-buckets=\"10\"").contains("JVM &amp; agent threads");
        assertThat(html.indexOf("pool-1-thread-N")).isLessThan(html.indexOf(">main<"));
        assertThat(html.indexOf(">main<")).isLessThan(html.indexOf("JVM &amp; agent threads"));
        assertThat(html).as("axis ticks every 0.2 s").contains("<span style=\"left:0.000%\">0.0</span>")
                .contains("<span style=\"left:40.000%\">0.4</span>").contains("<span style=\"left:100.000%\">1.0</span>");
    }

    @Test
    void utilizationHistogramMarksTheCoreCount() throws Exception {
        Analysis analysis = synthetic();

        String html = render(analysis);

        assertThat(count(html, "<div class=\"col")).isEqualTo(analysis.runningThreadsHistogram().length);
        assertThat(html).contains("<div class=\"col cores\" title=\"4 running:").contains("<em>4 cores</em>")
                .contains("ideal: all time at <i>k</i> = 4 (the cores)");
    }

    @Test
    void executorsTableShowsEachPoolsNumbers() throws Exception {
        String html = render(synthetic());

        assertThat(html).contains("<td>pool-1-thread-N<br><small><code>java.util.concurrent.ThreadPoolExecutor</code>")
                .contains("<td class=\"num\">3 <small>of 3</small></td>").contains("<td class=\"num\">1,200</td>")
                .contains("<td class=\"num\" data-v=\"1500000\">1.5 ms</td>")
                .contains("<td class=\"num\" data-v=\"9000000\">9.0 ms</td>")
                .contains("<td class=\"num\" data-v=\"250000\">250.0 µs</td>")
                .contains("<td class=\"num\" data-v=\"4000000\">4.0 ms</td>")
                .contains("<td class=\"num\" data-v=\"2000\">2.0 µs</td>").contains("<td class=\"num\">0.75 s</td>")
                .contains("<code>app.Main.start(Main.java:10)</code>").contains("<code>app.Main.run(Main.java:20)</code>");
    }

    @Test
    void withoutExecutorsOrChildrenTheReportSaysSo() throws Exception {
        ThreadTime t = new ThreadTime("main", 1, 10L, 1, 2, 1, null, 0, 0, 0, 0, 0, 0, 1, 3, false, true);
        String html = render(new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "app"), 2, 1, 0, List.of(t), List.of(),
                List.of(), List.of()));

        assertThat(html).contains("No executor was recorded.").contains("No child process was recorded.")
                .contains("No timeline was recorded.").contains("JVM CPU: not recorded.");
    }

    @Test
    void processesShowJvmCpuChildrenAndGc() throws Exception {
        String html = render(synthetic());

        assertThat(html).contains("JVM CPU: 2.50 s user + 0.50 s system = 3.00 s of 4 cores × 1.00 s wall = 4.00 s (75%).")
                .contains("Machine: 90% of its CPU busy")
                .contains("<td><code>/usr/bin/git status</code></td><td class=\"num\">4242</td>"
                        + "<td class=\"num\">0.012 s</td><td class=\"num\">0.30 s</td><td class=\"num\">0.10 s</td>"
                        + "<td>0</td>")
                .contains("<td><code>nosuch</code></td><td class=\"num na\">–</td>")
                .contains("<span class=\"error\">No such file</span>")
                .contains("GC: 3 pauses, 0.045 s in all (G1New); most allocated: <code>byte[]</code> (40% of sampled "
                        + "allocation) at <code>app.Main.buffer(Main.java:30)</code>.");
    }

    @Test
    void unknownWaitingForCpuIsShownAsNotApplicableNeverZero() throws Exception {
        String html = render(synthetic());

        String known = row(html, "pool-1-thread-1");
        String unknown = row(html, ">main<");
        assertThat(known).contains("<td class=\"num\">0.25</td>");
        assertThat(unknown).contains("<td class=\"num na\">n/a</td>");
        assertThat(known).as("parked lock / idle / other, I/O, GC")
                .contains("<td class=\"num\">0.05</td><td class=\"num\">0.04</td><td class=\"num\">0.03</td>")
                .contains("<td class=\"num\">0.02</td><td class=\"num\">0.01</td><td><div class=\"bar\">");
    }

    @Test
    void recordedStringsAreEscapedInLanesAndTables() throws Exception {
        String nasty = "<img src=x onerror=alert(1)>\"'&";
        Analysis analysis = synthetic(nasty);

        String html = render(analysis);

        assertThat(html).doesNotContain(nasty).doesNotContain("<img");
        String escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";
        assertThat(html).contains("<span class=\"name\" title=\"" + escaped + "\">" + escaped + "</span>")
                .contains("<td>" + escaped + " <small>(worker)</small></td>")
                .contains("<td>pool-1-thread-N<br><small><code>java.util.concurrent.ThreadPoolExecutor</code>")
                .contains("<td><code>" + escaped + "</code></td>")
                .contains("<span class=\"error\">" + escaped + "</span>")
                .contains("<code>" + escaped + "</code> (40% of sampled allocation)");
    }

    @Test
    void tenThousandThreadsAreGroupedAndTheFileStaysUnderItsBound() throws Exception {
        Analysis analysis = tenThousandThreads();

        long start = System.nanoTime();
        String html = render(analysis);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Path file = Files.writeString(Path.of("target", "ten-thousand-threads.html"), html);
        System.out.printf("10,000 threads: %,d bytes, rendered in %d ms: %s%n", Files.size(file), millis, file);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("the bound docs/ARCHITECTURE.md states")
                .isLessThan(MAX_REPORT_BYTES);
        String table = html.substring(html.indexOf("<table class=\"threads\">"), html.indexOf("</table>",
                html.indexOf("<table class=\"threads\">")));
        assertThat(count(table, "<tr") - 2).as("rows, not threads").isEqualTo(200);
        assertThat(table).contains("<td>pool-3-thread-N <small>×6,000, workers</small></td><td class=\"num\">6000.00</td>")
                .contains("<td>worker-N <small>×1,990</small></td>")
                .contains("<td>1,813 other threads</td>");
        assertThat(html).contains("10,000 threads, shown by name group");
        assertThat(attributes(html, "data-s")).hasSizeLessThanOrEqualTo(TIMELINE_THREAD_LANES);
        assertThat(html).contains("other threads</span><canvas class=\"lane group\"");
    }

    @Test
    void hostileRecordedStringsAppearOnlyEscapedInTheProcessAndTheTreeReport() throws Exception {
        String hostile = Workloads.HOSTILE_THREAD_NAME + "\"&'";
        Analysis analysis = hostile(hostile);
        ProcessNode root = new ProcessNode(4200, 1, hostile, hostile, 0, analysis, 0, 0, null, 2.5, 2.0);
        ProcessTree tree = new ProcessTree(hostile, List.of(root), List.of(), analysis.findings(), 2.0, 5.0,
                List.of(hostile));

        String single = render(analysis);
        StringWriter out = new StringWriter();
        HtmlReportRenderer.render(new MultiAnalysis(List.of(tree), List.of(hostile)), out);

        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;";
        for (String html : List.of(single, out.toString())) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain(hostile).contains(escaped)
                    .contains("<span class=\"name\" title=\"" + escaped + "0\">" + escaped + "0</span>")
                    .contains("<td><code>" + escaped + ".Lock</code><br><small>monitor @" + escaped)
                    .contains("<li>" + escaped + "0: 3 waits</li>")
                    .contains("<td>" + escaped + "-pool<br><small><code>" + escaped + "</code></small></td>")
                    .contains("<td><code>" + escaped + " --arg</code></td>")
                    .contains("<h3>1. LOCK_CONTENTION: " + escaped + "</h3>");
            assertThat(count(html, "<script")).as("only the report's own script").isEqualTo(1);
        }
        assertThat(single).contains("<td>" + escaped + "N <small>×301, workers</small></td>");
    }

    @Test
    void recordedSlotMarkersAreNotExpanded() throws Exception {
        ThreadTime t = new ThreadTime("{{locks}}", 7, 70L, 1, 2, 1, null, 0, 0, 0, 0, 0, 0, 1, 3, false, true);
        Analysis analysis = new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "{{verdict}}"), 2, 1, 0, List.of(t),
                List.of(), List.of(), List.of());

        String html = render(analysis);

        assertThat(html).contains("{{locks}}").contains("{{verdict}}");
    }

    private static final int BUCKETS = 10;

    /**
     * {@code hostile} in every recorded string the report shows: 301 thread names (so that the
     * table groups them), a lock's class, identity, holder and sites, an executor's name, class and
     * sites, a child's command line and error, a finding's texts, the command and the warnings.
     */
    private static Analysis hostile(String hostile) {
        List<ThreadTime> threads = new ArrayList<>();
        Map<Long, float[][]> seconds = new HashMap<>();
        for (int i = 0; i <= 300; i++) {
            threads.add(thread(hostile + i, i, 0.1, true, false));
            seconds.put((long) i, states(BUCKETS, 0.1f, ThreadState.RUNNING, 0));
        }
        LockModel lock = new LockModel(new LockKey(LockKind.MONITOR, hostile + ".Lock", hostile),
                new WaitDistribution(3, 3_000_000, 1_000_000, 1_000_000, 1_000_000),
                List.of(new SiteCount(hostile + ".wait()", 3, 3_000_000)), List.of(),
                List.of(new HolderCount(hostile + "0", 3)), List.of(new SiteCount(hostile + ".hold()", 5, 0)));
        ExecutorModel pool = new ExecutorModel(1, hostile, "ThreadPoolExecutor", 3, hostile + "-pool", hostile,
                1, 1, 1, new WaitDistribution(1, 1, 1, 1, 1), new WaitDistribution(1, 1, 1, 1, 1), hostile,
                List.of(0L), 0);
        ProcessModel processes = new ProcessModel(1.0, 0.0, 0.5, List.of(
                new ChildProcess(-1, hostile + " --arg", 0.001, hostile, 1, null, null, null, hostile)));
        Finding finding = new Finding(FindingKind.LOCK_CONTENTION, 0.5, 0.25, hostile, hostile, hostile, hostile,
                hostile, List.of(hostile));
        return new Analysis(hostile, new JvmInfo(1L, "17", 2, hostile + " --arg"), 1.0, 301, 0, threads, List.of(lock),
                List.of(finding), List.of(hostile), new Timeline(0.1, BUCKETS, 1.0, seconds), List.of(pool), processes,
                GcModel.empty());
    }
    /** The report's size bound for any number of threads, as docs/ARCHITECTURE.md states it. */
    private static final int MAX_REPORT_BYTES = 4_000_000;
    /** TimelineSection.MAX_THREAD_LANES. */
    private static final int TIMELINE_THREAD_LANES = 1_000;

    /**
     * 6,000 workers of {@code pool-3-thread-N}, 2,000 pools of one thread each, 1,990 {@code worker-N}
     * threads and 10 JVM threads, over 300 buckets, each thread in a few states.
     */
    private static Analysis tenThousandThreads() {
        int buckets = 300;
        List<ThreadTime> threads = new ArrayList<>();
        Map<Long, float[][]> seconds = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String name = i < 6_000 ? "pool-3-thread-" + i : i < 8_000 ? "pool-" + (10 + i) + "-thread-1"
                    : i < 9_990 ? "worker-" + i : "GC Thread#" + i;
            threads.add(new ThreadTime(name, i, (long) i, 0.5, 1.0, i < 6_000 ? 1.0 : 0.5, 0.1, 0.1, 0.12, 0.05, 0.04,
                    0.01, 0.01, 0.02, 0.01, 0.0, 10, i >= 9_990, i < 6_000, ThreadTime.groupOf(name)));
            float[][] s = states(buckets, 0.1f, ThreadState.RUNNING, i % 7);
            for (int b = i % 5; b < buckets; b += 5) {
                s[ThreadState.RUNNING.ordinal()][b] = 0;
                s[(i % 3 == 0 ? ThreadState.BLOCKED : ThreadState.PARKED_LOCK).ordinal()][b] = 0.1f;
            }
            seconds.put((long) i, s);
        }
        return new Analysis("big.jfr", new JvmInfo(1L, "17", 8, "app"), 30, 6_000, 0, threads, List.of(), List.of(),
                List.of(), new Timeline(0.1, buckets, 30, seconds), List.of(), ProcessModel.empty(), GcModel.empty());
    }

    private static Analysis synthetic() {
        return synthetic("java.lang.Runtime.exec");
    }

    /**
     * Three pool workers, main and one JVM thread over ten 0.1 s buckets, one executor, two child
     * processes; {@code recorded} names a worker, the child's error and every code location.
     */
    private static Analysis synthetic(String recorded) {
        List<ThreadTime> threads = List.of(
                thread("pool-1-thread-1", 21, 0.25, true, false),
                thread("pool-1-thread-2", 22, 0.25, true, false),
                thread(recorded.startsWith("<") ? recorded : "pool-1-thread-3", 23, 0.25, true, false),
                thread("main", 1, null, false, false),
                thread("Reference Handler", 2, null, false, true));
        Map<Long, float[][]> seconds = new HashMap<>();
        seconds.put(21L, states(BUCKETS, 0.1f, ThreadState.RUNNING, 0));
        seconds.put(22L, states(BUCKETS, 0.1f, ThreadState.RUNNING, 0));
        for (int b = 0; b < 5; b++) {
            seconds.get(22L)[ThreadState.RUNNING.ordinal()][b] = 0;
            seconds.get(22L)[ThreadState.BLOCKED.ordinal()][b] = 0.1f;
        }
        seconds.put(23L, states(BUCKETS, 0.1f, ThreadState.RUNNING, 0));
        seconds.put(1L, states(BUCKETS, 0.1f, ThreadState.WAITING, 0));
        seconds.put(2L, states(BUCKETS, 0.1f, ThreadState.PARKED_IDLE, 2));
        ExecutorModel pool = new ExecutorModel(1, "java.util.concurrent.ThreadPoolExecutor", "ThreadPoolExecutor", 3,
                "pool-1-thread-N", "app.Main.start(Main.java:10)", 1_200, 1_000, 2_000_000,
                new WaitDistribution(1_200, 600_000_000, 250_000, 4_000_000, 9_000_000),
                new WaitDistribution(1_200, 2_000_000_000, 1_500_000, 9_000_000, 20_000_000),
                recorded.startsWith("<") ? recorded : "app.Main.run(Main.java:20)", List.of(21L, 22L, 23L), 0.75);
        ProcessModel processes = new ProcessModel(2.5, 0.5, 0.9, List.of(
                new ChildProcess(4242, "/usr/bin/git status", 0.012, "app.Main.git(Main.java:40)", 1, 0.3, 0.1, 0, null),
                new ChildProcess(-1, recorded.startsWith("<") ? recorded : "nosuch", 0.001, null, 1, null, null, null,
                        recorded.startsWith("<") ? recorded : "No such file")));
        GcModel gc = new GcModel(3, 0.045, "G1New", recorded.startsWith("<") ? recorded : "byte[]",
                "app.Main.buffer(Main.java:30)", 0.4);
        return new Analysis("r.jfr", new JvmInfo(7L, "17", 4, "app"), 1.0, 3, 20_000_000, threads, List.of(),
                List.of(), List.of(), new Timeline(0.1, BUCKETS, 1.0, seconds), List.of(pool), processes, gc);
    }

    private static ThreadTime thread(String name, long javaId, Double waitingForCpu, boolean worker, boolean internal) {
        return new ThreadTime(name, javaId, javaId + 100, 0.5, 1.0, 0.5, waitingForCpu, 0.1, 0.12, 0.05, 0.04,
                0.01, 0.01, 0.02, 0.01, 0.0, 10, internal, worker, ThreadTime.groupOf(name));
    }

    /** @return a thread's timeline: {@code state} for the whole bucket from bucket {@code from} on, not alive before */
    private static float[][] states(int buckets, float width, ThreadState state, int from) {
        float[][] s = new float[ThreadState.values().length][buckets];
        for (int b = 0; b < buckets; b++) {
            s[b < from ? ThreadState.NOT_ALIVE.ordinal() : state.ordinal()][b] = width;
        }
        return s;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static List<String> attributes(String html, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** @return the per-thread table's row holding {@code marker} */
    private static String row(String html, String marker) {
        int table = html.indexOf("<table class=\"threads\">");
        int at = html.indexOf(marker, table);
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
