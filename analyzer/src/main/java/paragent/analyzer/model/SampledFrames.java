package paragent.analyzer.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per thread, the execution samples' times, top application frames and top frames of any class, to
 * find a thread's hottest code inside given time buckets. Only samples with an application frame on
 * their stack are kept. Immutable by convention: callers must not change the arrays.
 *
 * @param secondsFromStart javaId to sample times in seconds from the recording's start, ascending
 * @param frames javaId to the sample's top application frame, parallel to {@code secondsFromStart}
 * @param topFrames javaId to the sample's top Java frame of any class (JDK included) as
 *     {@code pkg.Class.method}, parallel to {@code secondsFromStart}; threads without are absent
 */
public record SampledFrames(Map<Long, double[]> secondsFromStart, Map<Long, String[]> frames,
                            Map<Long, String[]> topFrames) {

    public SampledFrames {
        secondsFromStart = Map.copyOf(secondsFromStart);
        frames = Map.copyOf(frames);
        topFrames = Map.copyOf(topFrames);
    }

    /** Samples without their top frames of any class. */
    public SampledFrames(Map<Long, double[]> secondsFromStart, Map<Long, String[]> frames) {
        this(secondsFromStart, frames, Map.of());
    }

    /** No samples. */
    public static SampledFrames empty() {
        return new SampledFrames(Map.of(), Map.of());
    }

    /**
     * @param javaIds the threads
     * @return their samples by top frame of any class ({@code pkg.Class.method}), each counted by
     *     top application frame
     */
    public Map<String, Map<String, Long>> countsByTopFrame(Iterable<Long> javaIds) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (long id : javaIds) {
            String[] tops = topFrames.get(id);
            String[] f = frames.get(id);
            for (int i = 0; tops != null && i < tops.length; i++) {
                counts.computeIfAbsent(tops[i], k -> new HashMap<>()).merge(f[i], 1L, Long::sum);
            }
        }
        return counts;
    }

    /** @return how many of the thread's samples have {@code frame} as their top application frame */
    public long count(long javaId, String frame) {
        String[] f = frames.get(javaId);
        long n = 0;
        for (int i = 0; f != null && i < f.length; i++) {
            if (f[i].equals(frame)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param javaIds the threads
     * @param inBucket which buckets count, by index
     * @param bucketSeconds the buckets' width
     * @return the most frequent top application frame of those threads' samples in those buckets, or null
     */
    public String hottest(Iterable<Long> javaIds, java.util.function.IntPredicate inBucket, double bucketSeconds) {
        List<SiteCount> top = hottest(javaIds, inBucket, bucketSeconds, 1);
        return top.isEmpty() ? null : top.get(0).frame();
    }

    /**
     * @param javaIds the threads
     * @param inBucket which buckets count, by index
     * @param bucketSeconds the buckets' width
     * @param limit how many frames at most
     * @return the most frequent top application frames of those threads' samples in those
     *     buckets, with their sample counts, most first
     */
    public List<SiteCount> hottest(Iterable<Long> javaIds, java.util.function.IntPredicate inBucket,
                                   double bucketSeconds, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (long id : javaIds) {
            double[] times = secondsFromStart.get(id);
            String[] f = frames.get(id);
            if (times == null || bucketSeconds <= 0) {
                continue;
            }
            for (int i = 0; i < times.length; i++) {
                if (inBucket.test((int) (times[i] / bucketSeconds))) {
                    counts.merge(f[i], 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new SiteCount(e.getKey(), e.getValue(), 0))
                .toList();
    }
}
