package paragent.analyzer.load;

import java.util.Arrays;
import java.util.Map;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.Timeline;

/**
 * Builds the {@link Timeline}: each thread's states per time bucket. Off-CPU states come from the
 * events' intervals (monitor enters, parks split into lock / idle pool worker / other, waits,
 * sleeps, I/O); GC pauses stop the rest of the time; what remains is split into running and
 * waiting for a CPU by the thread's CPU and run-queue counters over time ({@code paragent.SchedStat},
 * else {@code paragent.ThreadTimes}, else its average), and the remainder is "other". Single use;
 * confined to the loading thread.
 */
final class TimelineBuilder {

    /** At most this many buckets: the report's resolution, and memory bounded per thread. */
    static final int MAX_BUCKETS = 300;
    /**
     * At most this many (thread, bucket) cells while threads are few: 1,000 threads get
     * {@value #MAX_BUCKETS} buckets, 10,000 get 30 (each cell is 13 floats, ~16 MB in all), so
     * a program with many threads cannot make the analysis (at exit: in the program's own heap)
     * grow with threads × buckets.
     */
    static final int MAX_CELLS = 300_000;
    /** Buckets kept however many threads there are: memory then grows by ~0.5 KB per thread. */
    static final int MIN_BUCKETS = 10;
    /** Buckets are at least this wide: finer than the 100 ms counters is noise. */
    static final long MIN_BUCKET_NANOS = 10_000_000L;

    private static final int STATES = ThreadState.values().length;
    /** The states taken from event intervals; scaled down together when they overlap past a bucket. */
    private static final ThreadState[] OFF_CPU = {ThreadState.BLOCKED, ThreadState.PARKED_LOCK,
        ThreadState.PARKED_IDLE, ThreadState.PARKED_OTHER, ThreadState.WAITING, ThreadState.SLEEPING,
        ThreadState.IO};

    private final long startNanos;
    private final long wallNanos;
    private final long bucketNanos;
    private final int buckets;
    private final ThreadData.LongPairs gcPauses;
    /** Per-thread working sums, reused from thread to thread. */
    private final double[][] scratch;

    /**
     * @param threads how many threads the timeline will hold: more than
     *     {@value #MAX_CELLS} / {@value #MAX_BUCKETS} make the buckets fewer and wider
     */
    TimelineBuilder(long startNanos, long endNanos, ThreadData.LongPairs gcPauses, int threads) {
        this.startNanos = startNanos;
        this.wallNanos = Math.max(0, endNanos - startNanos);
        int maxBuckets = Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, MAX_CELLS / Math.max(1, threads)));
        this.bucketNanos = Math.max(MIN_BUCKET_NANOS, (wallNanos + maxBuckets - 1) / maxBuckets);
        this.buckets = wallNanos == 0 ? 0 : (int) ((wallNanos + bucketNanos - 1) / bucketNanos);
        this.gcPauses = gcPauses;
        this.scratch = new double[STATES][buckets];
    }

    /**
     * One thread's states.
     *
     * @param t the thread
     * @param aliveFrom its start, clipped to the recording
     * @param aliveTo its end, clipped to the recording
     * @param cpu cumulative CPU nanoseconds over time ([timestamp, value] pairs, any order), or null
     * @param runQueue cumulative run-queue nanoseconds over time, or null when unavailable
     * @param averageCpuFraction CPU over lifetime, used where {@code cpu} is null
     * @return {@code [state][bucket]} seconds
     */
    float[][] thread(ThreadData t, long aliveFrom, long aliveTo, ThreadData.LongPairs cpu,
                     ThreadData.LongPairs runQueue, double averageCpuFraction) {
        double[][] s = scratch;
        for (double[] row : s) {
            Arrays.fill(row, 0);
        }
        addIntervals(s[ThreadState.BLOCKED.ordinal()], t.monitorEnters, aliveFrom, aliveTo, null);
        addIntervals(s[ThreadState.PARKED_LOCK.ordinal()], t.lockWaits, aliveFrom, aliveTo, null);
        Enclosing lockWaits = new Enclosing(t.lockWaits);
        double[] lockParks = new double[buckets];
        addIntervals(lockParks, t.lockParks, aliveFrom, aliveTo, lockWaits);
        addIntervals(s[ThreadState.PARKED_IDLE.ordinal()], t.idleParks, aliveFrom, aliveTo, lockWaits);
        double[] allParks = new double[buckets];
        addIntervals(allParks, t.parks, aliveFrom, aliveTo, lockWaits);
        addIntervals(s[ThreadState.WAITING.ordinal()], t.monitorWaits, aliveFrom, aliveTo, null);
        addIntervals(s[ThreadState.SLEEPING.ordinal()], t.sleeps, aliveFrom, aliveTo, null);
        addIntervals(s[ThreadState.IO.ordinal()], t.ios, aliveFrom, aliveTo, null);
        double[] gc = new double[buckets];
        addIntervals(gc, gcPauses, aliveFrom, aliveTo, null);
        double[] cpuPerBucket = cpu == null ? null : spread(cpu, aliveFrom, aliveTo);
        double[] runQueuePerBucket = runQueue == null ? null : spread(runQueue, aliveFrom, aliveTo);

        for (int b = 0; b < buckets; b++) {
            long from = startNanos + b * bucketNanos;
            long to = Math.min(startNanos + wallNanos, from + bucketNanos);
            double width = (to - from) / 1e9;
            double alive = Math.max(0, Math.min(to, aliveTo) - Math.max(from, aliveFrom)) / 1e9;
            s[ThreadState.NOT_ALIVE.ordinal()][b] = width - alive;
            // A park is on a lock, an idle pool worker's, or on another condition.
            s[ThreadState.PARKED_LOCK.ordinal()][b] += lockParks[b];
            s[ThreadState.PARKED_OTHER.ordinal()][b] = Math.max(0, allParks[b] - lockParks[b]
                    - s[ThreadState.PARKED_IDLE.ordinal()][b]);
            double offCpu = 0;
            for (ThreadState state : OFF_CPU) {
                offCpu += s[state.ordinal()][b];
            }
            if (offCpu > alive && offCpu > 0) {
                for (ThreadState state : OFF_CPU) {
                    s[state.ordinal()][b] *= alive / offCpu;
                }
                offCpu = alive;
            }
            double active = alive - offCpu;
            double gcStopped = alive > 0 ? Math.min(active, gc[b] * active / alive) : 0;
            s[ThreadState.GC.ordinal()][b] = gcStopped;
            active -= gcStopped;
            double running = Math.min(active, cpuPerBucket != null ? cpuPerBucket[b] : averageCpuFraction * alive);
            double waitingForCpu = runQueuePerBucket == null ? 0 : Math.min(active - running, runQueuePerBucket[b]);
            s[ThreadState.RUNNING.ordinal()][b] = running;
            s[ThreadState.WAITING_FOR_CPU.ordinal()][b] = waitingForCpu;
            s[ThreadState.OTHER.ordinal()][b] = Math.max(0, active - running - waitingForCpu);
        }
        float[][] result = new float[STATES][buckets];
        for (int i = 0; i < STATES; i++) {
            for (int b = 0; b < buckets; b++) {
                result[i][b] = (float) s[i][b];
            }
        }
        return result;
    }

    Timeline build(Map<Long, float[][]> perThread) {
        return new Timeline(bucketNanos / 1e9, buckets, wallNanos / 1e9, perThread);
    }

    /**
     * Adds each interval's overlap with each bucket (and with [aliveFrom, aliveTo]); intervals lying
     * entirely inside one of {@code skipInside} are skipped (a park inside a LockWait is that wait).
     */
    private void addIntervals(double[] into, ThreadData.LongPairs intervals, long aliveFrom, long aliveTo,
                              Enclosing skipInside) {
        for (int i = 0; i < intervals.pairs(); i++) {
            long from = Math.max(aliveFrom, intervals.first(i));
            long to = Math.min(aliveTo, intervals.second(i));
            if (to <= from || (skipInside != null && skipInside.encloses(intervals.first(i), intervals.second(i)))) {
                continue;
            }
            addSpan(into, from, to, to - from);
        }
    }

    /**
     * Intervals sorted by start, with the latest end among each prefix: whether one of them encloses
     * a given interval takes a binary search, not a scan. Immutable.
     */
    private static final class Enclosing {
        private final long[] starts;
        private final long[] maxEnds;

        Enclosing(ThreadData.LongPairs intervals) {
            int n = intervals.pairs();
            starts = new long[n];
            maxEnds = new long[n];
            for (int i = 0; i < n; i++) {
                starts[i] = intervals.first(i);
                maxEnds[i] = intervals.second(i);
            }
            sortByTime(starts, maxEnds);
            for (int i = 1; i < n; i++) {
                maxEnds[i] = Math.max(maxEnds[i - 1], maxEnds[i]);
            }
        }

        /** @return true when some interval starts at or before {@code from} and ends at or after {@code to} */
        boolean encloses(long from, long to) {
            int idx = Arrays.binarySearch(starts, from);
            if (idx >= 0) {
                while (idx + 1 < starts.length && starts[idx + 1] == from) {
                    idx++;
                }
            } else {
                idx = -idx - 2;
            }
            return idx >= 0 && maxEnds[idx] >= to;
        }
    }

    /** Spreads {@code amountNanos} evenly over [from, to) into the buckets, in seconds. */
    private void addSpan(double[] into, long from, long to, double amountNanos) {
        if (to <= from || buckets == 0) {
            return;
        }
        int first = (int) Math.max(0, (from - startNanos) / bucketNanos);
        int last = (int) Math.min(buckets - 1, (to - 1 - startNanos) / bucketNanos);
        double perNano = amountNanos / (to - from);
        for (int b = first; b <= last; b++) {
            long bFrom = Math.max(from, startNanos + b * bucketNanos);
            long bTo = Math.min(to, startNanos + (b + 1) * bucketNanos);
            if (bTo > bFrom) {
                into[b] += (bTo - bFrom) * perNano / 1e9;
            }
        }
    }

    /**
     * Turns a cumulative counter sampled over time into seconds per bucket: each increase between
     * two samples is spread evenly over the time between them; the increase before the first
     * sample is spread from {@code aliveFrom} when the thread started inside the recording.
     */
    private double[] spread(ThreadData.LongPairs counter, long aliveFrom, long aliveTo) {
        double[] into = new double[buckets];
        int n = counter.pairs();
        long[] times = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = counter.first(i);
            values[i] = counter.second(i);
        }
        sortByTime(times, values);
        if (n > 0 && aliveFrom > startNanos && times[0] > aliveFrom) {
            // Counted since the thread started, inside the recording.
            addSpan(into, aliveFrom, Math.min(times[0], aliveTo), values[0]);
        }
        for (int i = 1; i < n; i++) {
            long increase = values[i] - values[i - 1];
            long from = Math.max(times[i - 1], aliveFrom);
            long to = Math.min(times[i], aliveTo);
            if (increase > 0 && to > from) {
                addSpan(into, from, to, increase * (double) (to - from) / (times[i] - times[i - 1]));
            }
        }
        return into;
    }

    /**
     * Sorts the samples by time, keeping samples of equal time in the order recorded (a stable
     * merge sort on primitives: the samples of a long recording are many, and mostly in order
     * already, which costs one pass).
     */
    static void sortByTime(long[] times, long[] values) {
        int n = times.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = times[i - 1] <= times[i];
        }
        if (sorted) {
            return;
        }
        long[] t = times.clone();
        long[] v = values.clone();
        long[] tb = new long[n];
        long[] vb = new long[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    // Ties take the left run's sample first: stable.
                    if (i < mid && (j >= hi || t[i] <= t[j])) {
                        tb[k] = t[i];
                        vb[k] = v[i++];
                    } else {
                        tb[k] = t[j];
                        vb[k] = v[j++];
                    }
                }
            }
            long[] swap = t;
            t = tb;
            tb = swap;
            swap = v;
            v = vb;
            vb = swap;
        }
        System.arraycopy(t, 0, times, 0, n);
        System.arraycopy(v, 0, values, 0, n);
    }
}
