package paragent.analyzer.model;

import java.util.Map;

/**
 * Per thread, the seconds spent in each {@link ThreadState} in each time bucket of the recording.
 * The buckets are {@code bucketSeconds} wide and start at the recording's start; in every bucket of
 * every thread the states add up to the bucket's width (the last bucket may be shorter:
 * {@link #bucketWidth(int)}). Immutable by convention: callers must not change the arrays; use
 * {@link #mutableCopy(long)} for a working copy.
 *
 * @param bucketSeconds width of one bucket
 * @param buckets number of buckets
 * @param wallSeconds the recording's length (buckets × bucketSeconds, or a little less)
 * @param seconds javaId to {@code [state.ordinal()][bucket]} seconds, for every thread of the model
 */
public record Timeline(double bucketSeconds, int buckets, double wallSeconds, Map<Long, float[][]> seconds) {

    public Timeline {
        seconds = Map.copyOf(seconds);
    }

    /** A timeline without data: no buckets. */
    public static Timeline empty() {
        return new Timeline(0, 0, 0, Map.of());
    }

    /** @return the width of bucket {@code b}: {@code bucketSeconds}, less for the last one */
    public double bucketWidth(int b) {
        return Math.max(0, Math.min(bucketSeconds, wallSeconds - b * bucketSeconds));
    }

    /** @return the thread's seconds in {@code state} over the whole recording; 0 for an unknown thread */
    public double total(long javaId, ThreadState state) {
        return total(javaId, state, 0, buckets - 1);
    }

    /**
     * @return the thread's seconds in {@code state} in buckets {@code first} to {@code last},
     *     inclusive; 0 for an unknown thread
     */
    public double total(long javaId, ThreadState state, int first, int last) {
        float[][] s = seconds.get(javaId);
        if (s == null) {
            return 0;
        }
        double sum = 0;
        for (int b = first; b <= last; b++) {
            sum += s[state.ordinal()][b];
        }
        return sum;
    }

    /** @return a copy of one thread's arrays, or null for an unknown thread */
    public float[][] mutableCopy(long javaId) {
        float[][] s = seconds.get(javaId);
        if (s == null) {
            return null;
        }
        float[][] copy = new float[s.length][];
        for (int i = 0; i < s.length; i++) {
            copy[i] = s[i].clone();
        }
        return copy;
    }
}
