package paragent.analyzer.render;

import java.io.IOException;
import java.nio.file.Path;
import paragent.analyzer.render.html.ScaleHtmlRenderer;
import paragent.analyzer.render.json.ScaleJsonRenderer;
import paragent.analyzer.scaling.ScalingReport;

/**
 * Writes a scaling analysis's HTML report and {@code paragent/scale@1} JSON, each atomically
 * ({@link ReportFiles#writeAtomically}). Stateless; thread-safe.
 */
public final class ScaleReportFiles {

    private ScaleReportFiles() {
    }

    /**
     * @param html where to write the HTML report, or null for none
     * @param json where to write the JSON, or null for none
     * @throws IOException when a file cannot be written; a file written before the failure stays
     */
    public static void write(ScalingReport report, Path html, Path json) throws IOException {
        if (html != null) {
            String page = ScaleHtmlRenderer.render(report);
            ReportFiles.writeAtomically(html, w -> w.write(page));
        }
        if (json != null) {
            String document = ScaleJsonRenderer.render(report);
            ReportFiles.writeAtomically(json, w -> w.write(document));
        }
    }
}
