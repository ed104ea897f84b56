package paragent.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one demo run reports: its wall time, its result and optional extra metrics.
 *
 * <p>{@code result} is what the program computed (a count, an estimate) and must not depend on
 * the variant or the thread count except where the demo documents otherwise. {@code metrics} keeps
 * insertion order; {@link DemoMain} prints each as a {@code metric.<key>=<value>} line. Immutable.
 *
 * @param wallNanos wall time of the parallel part, from releasing the workers until all finished
 * @param result the computed result, as printed
 * @param metrics extra measurements, in the order to print them
 */
public record DemoResult(long wallNanos, String result, Map<String, String> metrics) {

    /** Copies the metrics, keeping their order. */
    public DemoResult {
        Objects.requireNonNull(result, "result");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A result with no extra metrics. */
    public static DemoResult of(long wallNanos, String result) {
        return new DemoResult(wallNanos, result, Map.of());
    }

    /** Wall time in whole milliseconds, as printed. */
    public long wallMillis() {
        return wallNanos / 1_000_000L;
    }
}
