package paragent.analyzer.model;

import org.HdrHistogram.Histogram;

/**
 * Count, sum and percentiles of the waits for one lock, in nanoseconds. Immutable.
 *
 * @param count contended acquisitions
 * @param totalNanos summed wait
 * @param p50Nanos median wait
 * @param p99Nanos 99th percentile wait
 * @param maxNanos longest wait
 */
public record WaitDistribution(long count, long totalNanos, long p50Nanos, long p99Nanos, long maxNanos) {

    /**
     * Reads count and percentiles from a histogram; the total is given separately because a
     * histogram only approximates it.
     */
    public static WaitDistribution of(Histogram waitNanos, long count, long totalNanos) {
        if (waitNanos.getTotalCount() == 0) {
            return new WaitDistribution(count, totalNanos, 0, 0, 0);
        }
        return new WaitDistribution(count, totalNanos, waitNanos.getValueAtPercentile(50),
                waitNanos.getValueAtPercentile(99), waitNanos.getMaxValue());
    }
}
