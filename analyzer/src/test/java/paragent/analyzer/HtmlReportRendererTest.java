package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.testing.Workloads;

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
        assertThat(html).doesNotContain("<script");
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
    void recordedSlotMarkersAreNotExpanded() throws Exception {
        ThreadTime t = new ThreadTime("{{locks}}", 7, 70L, 1, 2, 1, null, 0, 0, 0, 0, 0, 0, 1, 3, false, true);
        Analysis analysis = new Analysis("r.jfr", new JvmInfo(1L, "17", 2, "{{verdict}}"), 2, 1, 0, List.of(t),
                List.of(), List.of(), List.of());

        String html = render(analysis);

        assertThat(html).contains("{{locks}}").contains("{{verdict}}");
    }
}
