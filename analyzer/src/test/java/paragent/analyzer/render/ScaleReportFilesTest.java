package paragent.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.render.html.ScaleHtmlRenderer;
import paragent.analyzer.render.json.ScaleJsonRenderer;
import paragent.analyzer.scaling.ScalingReport;
import paragent.analyzer.testing.ScalingReports;

/** The scaling report's files: each written when asked for, nothing else left in the directory. */
class ScaleReportFilesTest {

    @Test
    void writesTheHtmlAndTheJsonWhereAsked(@TempDir Path dir) throws Exception {
        ScalingReport report = ScalingReports.oneToEight();
        Path html = dir.resolve("out/scale.html");
        Path json = dir.resolve("scale.json");

        ScaleReportFiles.write(report, html, json);

        assertThat(html).hasContent(ScaleHtmlRenderer.render(report));
        assertThat(json).hasContent(ScaleJsonRenderer.render(report));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(dir.resolve("out"), json);
        }
    }

    @Test
    void aNullPathWritesNothingForIt(@TempDir Path dir) throws Exception {
        ScaleReportFiles.write(ScalingReports.oneAndTwo(), null, dir.resolve("scale.json"));

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("scale.json"));
        }
    }
}
