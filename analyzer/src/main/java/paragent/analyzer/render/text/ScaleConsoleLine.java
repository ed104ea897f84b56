package paragent.analyzer.render.text;

import java.nio.file.Path;
import paragent.analyzer.render.ScaleVerdict;
import paragent.analyzer.scaling.ScalingReport;

/**
 * The one line {@code paragent scale} prints: the speedup at the largest thread count, what cost the
 * rest, and where the report is. Line breaks in recorded strings are flattened so that one line
 * stays one line. Stateless; thread-safe.
 */
public final class ScaleConsoleLine {

    private ScaleConsoleLine() {
    }

    /**
     * @param html the report written, or null when none was
     * @return one line without a line terminator
     */
    public static String line(ScalingReport report, Path html) {
        String line = "paragent scale: " + ScaleVerdict.sentence(report)
                + (html == null ? "" : " — report: " + html.toAbsolutePath());
        return line.replaceAll("[\\r\\n]+", " ");
    }
}
