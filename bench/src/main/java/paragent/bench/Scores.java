package paragent.bench;

import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The measured iterations of one path on one side (without or with the agent), gathered over
 * every round, and the acquisitions counted by the contended benchmark. Not thread-safe; the
 * runner fills it from one thread.
 */
final class Scores {

    /** Confidence level of the error bounds, JMH's own default. */
    static final double CONFIDENCE = 0.999;

    private final ListStatistics nanosPerOp = new ListStatistics();
    private double acquisitions;
    private double contended;

    /** Adds one measured iteration. */
    void add(IterationResult iteration) {
        nanosPerOp.addValue(iteration.getPrimaryResult().getScore());
        acquisitions += secondary(iteration, ReentrantLockContendedBenchmark.ACQUISITIONS);
        contended += secondary(iteration, ReentrantLockContendedBenchmark.CONTENDED);
    }

    /** Adds one iteration's score (for tests). */
    void add(double nanos, double acquisitionCount, double contendedCount) {
        nanosPerOp.addValue(nanos);
        acquisitions += acquisitionCount;
        contended += contendedCount;
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

    /** The share of acquisitions that were contended; NaN where none were counted. */
    double contendedShare() {
        return acquisitions > 0 ? contended / acquisitions : Double.NaN;
    }

    private static double secondary(IterationResult iteration, String label) {
        Result<?> result = iteration.getSecondaryResults().get(label);
        return result == null ? 0 : result.getScore();
    }
}
