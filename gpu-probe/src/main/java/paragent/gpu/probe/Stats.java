package paragent.gpu.probe;

import java.util.Arrays;

/**
 * The spread of repeated measurements in seconds: median, extremes and the 10th and 90th
 * percentiles (linear interpolation between the closest ranks). Immutable; thread-safe.
 */
record Stats(double medianSeconds, double minSeconds, double maxSeconds, double p10Seconds, double p90Seconds) {

    /** @throws IllegalArgumentException for no samples */
    static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(percentile(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
                percentile(sorted, 0.1), percentile(sorted, 0.9));
    }

    private static double percentile(double[] sorted, double quantile) {
        double rank = quantile * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
