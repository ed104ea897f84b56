package paragent.analyzer.render.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import paragent.analyzer.testing.ScalingReports;

/** The one line {@code paragent scale} prints. */
class ScaleConsoleLineTest {

    @Test
    void namesTheLargestCountsSpeedupItsCostliestCausesAndTheReport() {
        Path html = Path.of("scale.html");

        String line = ScaleConsoleLine.line(ScalingReports.oneToEight(), html);

        assertThat(line).isEqualTo("paragent scale: 8 threads → speedup 3.64 of 8 (45%); lost to CPU_TIME_INFLATION "
                + "2.90, LOCK_CONTENTION 1.10; Karp–Flatt 0.17 — report: " + html.toAbsolutePath());
    }

    @Test
    void withoutAReportAndWithOneCauseTheLineEndsAtKarpFlatt() {
        String line = ScaleConsoleLine.line(ScalingReports.oneAndTwo(), null);

        assertThat(line).isEqualTo("paragent scale: 2 threads → speedup 1.50 of 2 (75%); lost to CPU_TIME_INFLATION "
                + "0.38; Karp–Flatt 0.33");
    }
}
