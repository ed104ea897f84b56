package paragent.analyzer.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import paragent.analyzer.testing.ScalingReports;

/**
 * The scaling report: one self-contained page with the speedup curve, one stacked bar per count,
 * the table, the fits (curves only where usable), findings, warnings and runs; every recorded or
 * typed string escaped.
 */
class ScaleHtmlRendererTest {

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void pageIsSelfContainedWithEverySectionFilled() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("{{").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
                .contains("<h2>Speedup</h2>").contains("<h2>Thread counts</h2>").contains("<h2>Model fits</h2>")
                .contains("<h2>Runs</h2>")
                .as("the single-run report's style sheet").contains("td.num, th.num {");
        assertThat(html).contains("<p class=\"verdict\">8 threads → speedup 3.64 of 8 (45%); lost to "
                + "CPU_TIME_INFLATION 2.90, LOCK_CONTENTION 1.10; Karp–Flatt 0.17</p>");
    }

    @Test
    void curveHasTheIdealLineAndOneWhiskeredPointPerCount() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        String curve = html.substring(html.indexOf("<svg class=\"chart curve\""), html.indexOf("</svg>"));

        assertThat(count(curve, "<line class=\"ideal\"")).isEqualTo(1);
        assertThat(count(curve, "<polyline class=\"measured\"")).isEqualTo(1);
        assertThat(count(curve, "<circle class=\"point\"")).isEqualTo(4);
        assertThat(count(curve, "<line class=\"whisker\"")).as("a stem and two caps per count").isEqualTo(12);
        assertThat(curve).contains("<title>8 threads: speedup 3.64 (3.33–4.00 over 2 runs), efficiency 45%</title>");
    }

    @Test
    void fitCurvesAreDrawnOnlyWhenUsable() {
        String both = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        String amdahlOnly = ScaleHtmlRenderer.render(ScalingReports.oneAndTwo());

        assertThat(count(both, "<polyline class=\"amdahl\"")).isEqualTo(1);
        assertThat(count(both, "<polyline class=\"usl\"")).isEqualTo(1);
        assertThat(count(amdahlOnly, "<polyline class=\"amdahl\"")).isEqualTo(1);
        assertThat(amdahlOnly).doesNotContain("<polyline class=\"usl\"").doesNotContain("USL fit")
                .contains("Universal Scalability Law <small>(not usable)</small>")
                .contains("the USL needs at least 3 thread counts; σ fitted with κ = 0");
    }

    @Test
    void amdahlCurvePassesThroughItsModelAtTheLargestCount() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        Matcher points = Pattern.compile("<polyline class=\"amdahl\" points=\"([^\"]*)\"").matcher(html);
        assertThat(points.find()).isTrue();
        String[] last = points.group(1).strip().split(" ");
        String[] xy = last[last.length - 1].split(",");
        SpeedupCurveSection.Axes axes = new SpeedupCurveSection.Axes(8, 8);

        assertThat(Double.parseDouble(xy[0])).isCloseTo(axes.x(8), within(0.06));
        double amdahlAtEight = 1 / (0.14 + 0.86 / 8);
        assertThat(Double.parseDouble(xy[1])).isCloseTo(axes.y(amdahlAtEight),
                within(0.06));
    }

    @Test
    void oneStackedBarPerCountWithItsLayersColoredByKind() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        String stacks = html.substring(html.indexOf("<svg class=\"chart stacks\""));
        stacks = stacks.substring(0, stacks.indexOf("</svg>"));

        assertThat(count(stacks, "<g class=\"stack\">")).isEqualTo(4);
        assertThat(count(stacks, "<rect class=\"k-achieved\"")).isEqualTo(4);
        assertThat(count(stacks, "<rect class=\"k-CPU_TIME_INFLATION\"")).isEqualTo(3);
        assertThat(count(stacks, "<rect class=\"k-LOCK_CONTENTION\"")).isEqualTo(3);
        assertThat(count(stacks, "<line class=\"level\"")).as("the ideal mark at N").isEqualTo(4);
        assertThat(count(stacks, "fill=\"url(#hatch)\"")).as("unexplained, where positive").isEqualTo(3);
        assertThat(count(stacks, "<rect class=\"negative\"")).as("GC cost less than at 1 thread").isEqualTo(1);
        assertThat(stacks).contains("<title>GC: -0.05 of 8 threads (-0.06 thread-seconds) — within the repeats&#39; "
                + "spread (less than at 1 thread)</title>");
        assertThat(html).contains(".k-LOCK_CONTENTION { background: #e53935; fill: #e53935; }")
                .as("lock contention in the single-run report's blocked color");
        assertThat(html).contains("<p class=\"legend\"><span class=\"k-achieved\"></span>achieved"
                + "<span class=\"k-CPU_TIME_INFLATION\"></span>CPU_TIME_INFLATION");
    }

    @Test
    void barHeightsAreTheirValuesOnOneScale() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        Matcher achieved = Pattern.compile("<rect class=\"k-achieved\" x=\"[^\"]*\" y=\"[^\"]*\" width=\"[^\"]*\" "
                + "height=\"([^\"]*)\"").matcher(html);
        double[] heights = new double[4];
        for (int i = 0; i < 4; i++) {
            assertThat(achieved.find()).isTrue();
            heights[i] = Double.parseDouble(achieved.group(1));
        }

        assertThat(heights[3] / heights[0]).isCloseTo(3.636, within(0.01));
        assertThat(heights[1] / heights[0]).isCloseTo(1.818, within(0.01));
    }

    @Test
    void tableHasOneRowPerCountWithKarpFlattNotApplicableAtOneThread() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());
        String table = html.substring(html.indexOf("<table class=\"counts\">"));
        table = table.substring(0, table.indexOf("</table>"));

        assertThat(count(table, "<tr><td class=\"num\">")).isEqualTo(4);
        assertThat(table).contains("<tr><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">4.00 s</td>")
                .contains("<td class=\"num na\">n/a</td>")
                .contains("<td class=\"num\">0.171</td><td><span class=\"swatch k-CPU_TIME_INFLATION\"></span>"
                        + "CPU_TIME_INFLATION 2.90</td>");
    }

    @Test
    void warningsNotesFindingsAndDisturbedRunsAreShown() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());

        assertThat(html).contains("<ul class=\"warnings\">\n<li>t8-r2 was disturbed: other processes used 0.60 "
                + "cores &lt;on average&gt;</li>")
                .contains("<p class=\"note\">8 threads: repeats differ by 0.67 in speedup, more than GC&#39;s 0.05")
                .contains("<h3>1. CPU_TIME_INFLATION: 8 threads spend 3.19 s more CPU than 1 thread on the same work</h3>")
                .contains("<li>java.util.Random.next: 0.42 s → 1.31 s CPU</li>")
                .contains("<td class=\"num\">0.60 <span class=\"disturbed\">disturbed</span></td>")
                .contains("<code>t8-r2/paragent-108.jfr</code>");
        assertThat(count(html, "class=\"disturbed\"")).isEqualTo(1);
    }

    @Test
    void recordedAndTypedStringsAreEscaped() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneToEight());

        assertThat(html).doesNotContain("<b>&co").doesNotContain("demo.Counter<T>").doesNotContain("<on average>")
                .contains("--name &lt;b&gt;&amp;co").contains("demo.Counter&lt;T&gt;");
    }

    @Test
    void recordingsGivenDirectlyAreSaidSoAndUnknownForeignCoresAreNotZero() {
        String html = ScaleHtmlRenderer.render(ScalingReports.oneAndTwo());

        assertThat(html).contains("<title>paragent scale: recordings</title>")
                .contains("recordings given directly · 2 cores · threads 1, 2 · 2 runs")
                .as("no finding, but 75% efficiency is not good").contains("<p class=\"verdict\">")
                .contains("<td class=\"num na\">n/a</td><td><code>one.jfr</code>")
                .doesNotContain("<ul class=\"warnings\">");
    }
}
