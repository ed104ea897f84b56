package paragent.bench;

import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The measured iterations of one path on one side (without or with the agent), gathered over
 * every round. Not thread-safe; the runner fills it from one thread.
 */
final class Scores {

    /** Confidence level of the error bounds, JMH's own default. */
    static final double CONFIDENCE = 0.999;

    private final ListStatistics nanosPerOp = new ListStatistics();

    /**
     * Adds one measured iteration: its primary score, or the secondary result {@code label} (a
     * group benchmark's method) where not null.
     */
    void add(IterationResult iteration, String label) {
        Result<?> result = label == null ? iteration.getPrimaryResult() : iteration.getSecondaryResults().get(label);
        if (result == null) {
            throw new IllegalStateException("no result '" + label + "' in " + iteration.getSecondaryResults().keySet());
        }
        add(result.getScore());
    }

    /** Adds one iteration's score. */
    void add(double nanos) {
        nanosPerOp.addValue(nanos);
    }

    /** Iterations gathered. */
    long count() {
        return nanosPerOp.getN();
    }

    /** Mean nanoseconds per operation. */
    double mean() {
        return nanosPerOp.getMean();
    }

    /** Half-width of the mean's {@link #CONFIDENCE} interval; NaN under two iterations. */
    double error() {
        return nanosPerOp.getN() < 2 ? Double.NaN : nanosPerOp.getMeanErrorAt(CONFIDENCE);
    }
}
