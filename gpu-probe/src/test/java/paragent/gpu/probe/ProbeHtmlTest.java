package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProbeHtmlTest {

    private final String html = ProbeHtml.render(SampleReports.sample());

    @Test
    void theDeviceNameAndConclusionsAreEscaped() {
        assertThat(html).doesNotContain("<script").doesNotContain("<elements>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;GPU&#39;")
                .contains("pays from 4,096 &lt;elements&gt;").contains("Platform &lt;1&gt;");
    }

    @Test
    void thePageIsSelfContainedWithThreeCharts() {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(3);
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:")
                .doesNotContain("https:").doesNotContain(" src=").doesNotContain("<link");
    }

    @Test
    void everyTransferAndOffloadSizeIsTabulated() {
        assertThat(html).contains("<h2>Transfers</h2>").contains("<h2>Kernels</h2>").contains("<h2>Offload crossover</h2>")
                .contains("host → device").contains("device → host").contains("pinned").contains("pageable");
        assertThat(Pattern.compile("<tr><td>(host|device) → ").matcher(html).results().count()).isEqualTo(8);
        assertThat(html).contains("never pays");
    }

    @Test
    void chartTextIsEscapedAndEmptySeriesSayNoData() {
        String svg = SvgChart.render("a < b", "x & y", "y", true,
                java.util.List.of(new SvgChart.Series("<s>", "#000", false, java.util.List.of())), x -> "", y -> "");
        assertThat(svg).contains("<title>a &lt; b</title>").contains("no data").doesNotContain("<s>");
    }
}
