package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.flame.FlameGraph;
import paragent.analyzer.flame.FlameGraphs;
import paragent.analyzer.flame.FlameNode;
import paragent.analyzer.flame.FlameTrees;
import paragent.analyzer.model.FlameStack;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.render.json.JsonSummaryRenderer;

/** The flame graphs in the HTML report and the JSON summary, with hostile frame and pool names. */
class FlameGraphReportTest {

    private static final String SCRIPT = "</script><script>alert(1)</script>";
    private static final String QUOTES = "<b>\"x\" & 'y'</b>";

    @Test
    void hostileFrameAndPoolNamesAreInertTextInTheReport() throws Exception {
        String html = html(analysis());

        assertThat(html).doesNotContain(SCRIPT).doesNotContain(QUOTES).doesNotContain("<b>");
        assertThat(html).contains("Wall clock of &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        assertThat(html).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
        assertThat(count(html, "<script>")).as("one executable script").isEqualTo(1);
    }

    @Test
    void theDataBlockReadsBackAsTheRecordedFrames() throws Exception {
        String html = html(analysis());
        String open = "<script type=\"application/json\" class=\"flame-data\">";
        int from = html.indexOf(open) + open.length();
        JsonNode data = new ObjectMapper().readTree(html.substring(from, html.indexOf("</script>", from)));

        List<String> names = new ArrayList<>();
        data.get("names").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactly(FlameTrees.ROOT, "app.Main.run", QUOTES, SCRIPT);
        assertThat(data.get("nodes")).hasSize(4 * 5);
        assertThat(data.get("nodes").get(2).asLong()).as("the root's weight").isEqualTo(30);
    }

    @Test
    void aLockFindingLinksToItsFlameGraph() throws Exception {
        String html = html(analysis());

        assertThat(html).contains("<a href=\"#flame-lock-1\">flame graph of the waiting stacks</a>");
        assertThat(html).contains("<div class=\"flame\" id=\"flame-lock-1\">");
        assertThat(html.indexOf("id=\"flame-graphs\"")).isGreaterThan(html.indexOf("class=\"finding\""));
    }

    @Test
    void theSummaryListsTheGraphs() throws Exception {
        StringWriter out = new StringWriter();
        JsonSummaryRenderer.render(analysis(), out);
        JsonNode flames = new ObjectMapper().readTree(out.toString()).get("flameGraphs");

        assertThat(flames.get("engine").asText()).isEqualTo("async-profiler 4.6");
        assertThat(flames.get("cpuEvent").asText()).isEqualTo("ctimer");
        assertThat(flames.get("note").asText()).isEqualTo("perf events not permitted: CPU profile taken with ctimer");
        JsonNode wall = flames.get("graphs").get(0);
        assertThat(wall.get("id").asText()).isEqualTo("flame-wall-1");
        assertThat(wall.get("kind").asText()).isEqualTo("wall");
        assertThat(wall.get("subject").asText()).isEqualTo(QUOTES);
        assertThat(wall.get("samples").asLong()).isEqualTo(3);
        assertThat(wall.get("weightNanos").asLong()).isEqualTo(30);
        assertThat(flames.get("graphs").get(1).get("kind").asText()).isEqualTo("lock");
    }

    @Test
    void withoutStacksTheSectionSaysHowToGetThem() throws Exception {
        Analysis plain = new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "app"), 2, 1, 0, List.of(), List.of(),
                List.of(), List.of());

        assertThat(html(plain)).contains("The recording holds no stacks for flame graphs");
    }

    private static Analysis analysis() {
        FlameNode root = FlameTrees.build(List.of(
                new FlameStack(QUOTES, List.of("app.Main.run", SCRIPT), 1, 10),
                new FlameStack(QUOTES, List.of("app.Main.run", QUOTES), 2, 20)));
        FlameGraph wall = new FlameGraph("flame-wall-1", "Wall clock of " + QUOTES, "wall", "async-profiler wall",
                QUOTES, root.samples(), root.weight(), root);
        FlameGraph lock = new FlameGraph("flame-lock-1", "Threads waiting for " + SCRIPT, "lock",
                "paragent.LockWait waits", SCRIPT, root.samples(), root.weight(), root);
        FlameGraphs flames = new FlameGraphs("async-profiler 4.6", "cpu+wall+lock", "ctimer",
                "perf events not permitted: CPU profile taken with ctimer", List.of(wall, lock));
        Finding finding = new Finding(FindingKind.LOCK_CONTENTION, 0.5, 0.25, SCRIPT, null, "waiting", "e", "a",
                List.of());
        ThreadTime t = new ThreadTime("w", 7, 70L, 1, 2, 1, null, 0.5, 0, 0, 0, 0, 0, 0.5, 3, false, true);
        JvmInfo jvm = new JvmInfo(1L, "17", 2, "app");
        return new Analysis("r.jfr", jvm, 2, 1, 0, List.of(t), List.of(), List.of(finding), List.of(),
                Timeline.empty(), List.of(), ProcessModel.empty(), GcModel.empty(), IpcModel.empty(),
                RunIdentity.of(jvm), GpuModel.empty(), flames);
    }

    private static String html(Analysis analysis) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReportRenderer.render(analysis, out);
        return out.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
