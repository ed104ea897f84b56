package paragent.analyzer.render;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.ScalingReport;
import paragent.analyzer.scaling.StackComponent;

/**
 * The one sentence that sums up a scaling analysis, for the console line and the HTML report's
 * verdict: the speedup at the largest thread count and the causes that cost most of the rest.
 * Stateless; thread-safe.
 */
public final class ScaleVerdict {

    /** Causes named in the sentence, at most. */
    public static final int TOP_CAUSES = 3;

    private ScaleVerdict() {
    }

    /**
     * @return e.g. {@code 2 threads → speedup 1.31 of 2 (66%); lost to CPU_TIME_INFLATION 0.52,
     *         LOCK_CONTENTION 0.08; Karp–Flatt 0.53}; strings from the recordings as they are
     */
    public static String sentence(ScalingReport report) {
        if (report.counts().isEmpty()) {
            return "no runs to compare";
        }
        CountResult largest = report.counts().get(report.counts().size() - 1);
        if (largest.threads() == 1) {
            return "only 1-thread runs: no speedup to explain";
        }
        List<StackComponent> costly = largest.stack().components().stream()
                .filter(c -> c.speedup() > 0)
                .limit(TOP_CAUSES)
                .toList();
        String lost = costly.isEmpty()
                ? String.format(Locale.ROOT, "no known cause lost speedup (unexplained %.2f)", largest.stack().unexplained())
                : costly.stream().map(c -> String.format(Locale.ROOT, "%s %.2f", c.cause(), c.speedup()))
                        .collect(Collectors.joining(", ", "lost to ", ""));
        return String.format(Locale.ROOT, "%d threads → speedup %.2f of %d (%s); %s%s", largest.threads(),
                largest.speedup(), largest.threads(), Texts.percent(largest.efficiency()), lost,
                largest.karpFlatt() == null ? "" : String.format(Locale.ROOT, "; Karp–Flatt %.2f", largest.karpFlatt()));
    }
}
