package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.List;

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
    final LongPairs parks = new LongPairs();
    /** Of {@link #parks}, those of an idle pool worker waiting for a task. */
    final LongPairs idleParks = new LongPairs();
    /** Of {@link #parks}, those on a j.u.c. lock (by the parked-on class). */
    final LongPairs lockParks = new LongPairs();
    /** jdk.JavaMonitorEnter intervals. */
    final LongPairs monitorEnters = new LongPairs();
    /** jdk.JavaMonitorWait intervals. */
    final LongPairs monitorWaits = new LongPairs();
    /** jdk.ThreadSleep intervals. */
    final LongPairs sleeps = new LongPairs();
    /** Socket and file I/O event intervals. */
    final LongPairs ios = new LongPairs();
    /** paragent.ThreadTimes: timestamp and cumulative CPU nanoseconds, for CPU over time. */
    final LongPairs cpuSeries = new LongPairs();
    /** paragent.LockWait intervals, [start, end] pairs. */
    final LongPairs lockWaits = new LongPairs();
    /** jdk.ThreadCPULoad: timestamp and (user + system) as a fraction of the machine. */
    final List<double[]> cpuLoads = new ArrayList<>();
    /** jdk.ExecutionSample timestamps and top application frames, for holder analysis. */
    final LongPairs sampleTimes = new LongPairs();
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

    ThreadData(long javaId) {
        this.javaId = javaId;
    }

    void seen(long startNanos, long endNanos) {
        firstSeenNanos = Math.min(firstSeenNanos, startNanos);
        lastSeenNanos = Math.max(lastSeenNanos, endNanos);
    }

    /** A growable list of long pairs without boxing. */
    static final class LongPairs {
        private long[] values = new long[16];
        private int size;

        void add(long first, long second) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = first;
            values[size++] = second;
        }

        int pairs() {
            return size / 2;
        }

        long first(int i) {
            return values[2 * i];
        }

        long second(int i) {
            return values[2 * i + 1];
        }

        long sumOfDifferences() {
            long sum = 0;
            for (int i = 0; i < size; i += 2) {
                sum += values[i + 1] - values[i];
            }
            return sum;
        }
    }
}
