package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedStackTrace;
import paragent.analyzer.model.LockKey;

/**
 * Raw facts about one Java thread, accumulated while the recording is read. Mutable; confined to
 * the loading thread.
 */
final class ThreadData {

    static final long UNKNOWN = Long.MIN_VALUE;

    final long javaId;
    String name;
    String group;
    Long osId;

    long firstSeenNanos = Long.MAX_VALUE;
    long lastSeenNanos = Long.MIN_VALUE;
    long startedNanos = UNKNOWN;
    long endedNanos = UNKNOWN;

    long monitorEnterNanos;
    long monitorWaitNanos;
    long sleepNanos;
    long executionSamples;

    /** jdk.ThreadPark intervals, [start, end] pairs. */
    final LongPairs parks;
    /** Of {@link #parks}, those of an idle pool worker waiting for a task. */
    final LongPairs idleParks;
    /** Of {@link #parks}, those on a j.u.c. lock (by the parked-on class). */
    final LongPairs lockParks;
    /** jdk.JavaMonitorEnter intervals. */
    final LongPairs monitorEnters;
    /** jdk.JavaMonitorWait intervals. */
    final LongPairs monitorWaits;
    /** jdk.ThreadSleep intervals. */
    final LongPairs sleeps;
    /** Socket and file I/O event intervals. */
    final LongPairs ios;
    /** paragent.ThreadTimes: timestamp and cumulative CPU nanoseconds, for CPU over time. */
    final LongPairs cpuSeries;
    /** paragent.LockWait and paragent.LockWaitNoStack intervals, [start, end] pairs. */
    final LongPairs lockWaits;
    /**
     * Per lock, the stack of this thread's latest paragent.LockWait on it, which stands for its
     * paragent.LockWaitNoStack waits after it (the agent samples the stacks); null until the first.
     */
    Map<LockKey, RecordedStackTrace> heldLockStacks;
    /** jdk.ThreadCPULoad: timestamp and (user + system) as a fraction of the machine. */
    final List<double[]> cpuLoads = new ArrayList<>();
    /** jdk.ExecutionSample timestamps and top application frames, for holder analysis. */
    final LongPairs sampleTimes;
    final List<String> sampleFrames = new ArrayList<>();
    /** Per sample with a frame: the methods on its stack ({@code pkg.Class.method}), top first. */
    final List<String[]> sampleStacks = new ArrayList<>();

    /** Last paragent.ThreadTimes seen (by timestamp); null when none. */
    long[] threadTimes;
    long threadTimesAtNanos = Long.MIN_VALUE;
    /**
     * First paragent.ThreadTimes with {@code baseline=true}: the totals as the recording started,
     * to subtract; null when none (the thread started later, or an older recording).
     */
    long[] threadTimesBaseline;
    long threadTimesBaselineAtNanos = Long.MAX_VALUE;

    ThreadData(long javaId, RetentionCaps caps) {
        this.javaId = javaId;
        parks = new LongPairs(caps);
        idleParks = new LongPairs(caps);
        lockParks = new LongPairs(caps);
        monitorEnters = new LongPairs(caps);
        monitorWaits = new LongPairs(caps);
        sleeps = new LongPairs(caps);
        ios = new LongPairs(caps);
        cpuSeries = new LongPairs(caps);
        lockWaits = new LongPairs(caps);
        sampleTimes = new LongPairs(caps);
    }

    void seen(long startNanos, long endNanos) {
        firstSeenNanos = Math.min(firstSeenNanos, startNanos);
        lastSeenNanos = Math.max(lastSeenNanos, endNanos);
    }

    /**
     * A growable list of long pairs without boxing, within the loader's {@link RetentionCaps}: past
     * the cap a pair is not kept, but {@link #sumOfDifferences} still counts it, and the pairs with
     * the smallest and the largest first value are always known (a counter's first and last reading).
     */
    static final class LongPairs {
        private final RetentionCaps caps;
        private long[] values = new long[16];
        private int size;
        private long added;
        private long droppedDifferences;
        private long earliestFirst = Long.MAX_VALUE;
        private long earliestSecond;
        private long latestFirst = Long.MIN_VALUE;
        private long latestSecond;

        LongPairs(RetentionCaps caps) {
            this.caps = caps;
        }

        void add(long first, long second) {
            added++;
            if (first < earliestFirst) {
                earliestFirst = first;
                earliestSecond = second;
            }
            if (first >= latestFirst) {
                latestFirst = first;
                latestSecond = second;
            }
            if (!caps.keepPair()) {
                droppedDifferences += second - first;
                return;
            }
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = first;
            values[size++] = second;
        }

        /** @return the pairs kept */
        int pairs() {
            return size / 2;
        }

        long first(int i) {
            return values[2 * i];
        }

        long second(int i) {
            return values[2 * i + 1];
        }

        /** @return the pairs added, kept or not */
        long added() {
            return added;
        }

        /** @return the second value of the pair with the smallest first value (the first added of equals) */
        long earliestSecond() {
            return earliestSecond;
        }

        /** @return the second value of the pair with the largest first value (the last added of equals) */
        long latestSecond() {
            return latestSecond;
        }

        /** @return the sum of (second - first) over every pair added, kept or not */
        long sumOfDifferences() {
            long sum = droppedDifferences;
            for (int i = 0; i < size; i += 2) {
                sum += values[i + 1] - values[i];
            }
            return sum;
        }
    }
}
