package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * What one thread did for one executor: its submits and the tasks it ran, recorded without
 * contention with other threads. Each thread gets a lane of its own per executor ({@link #owner}
 * set: a single writer); threads beyond an executor's lane cap share its one overflow lane
 * ({@link #owner} null, so its histograms are {@link ConcurrentHistogram}s and its counters
 * atomic).
 *
 * <p>A run's queue wait and run time are recorded together in one writer critical section of a
 * {@link WriterReaderPhaser} (two atomic increments per task, where a {@code Recorder} per
 * histogram would take four); {@link #drain} swaps the active and inactive histograms under the
 * phaser's reader lock, as HdrHistogram's own recorders do.
 *
 * <p>Concurrency: the counters are read by the emitting thread at any time (written with ordered
 * stores by an owned lane's single writer, atomically in the overflow lane). {@link #drain} and
 * the {@code last*} fields belong to the emitting thread, under the aggregator's emit lock.
 * {@link #workerReported} is touched only by the owner thread.
 */
final class ExecutorLane {

    static final int TASKS = 0;
    static final int RUN_NANOS = 1;
    static final int SUBMITS = 2;
    static final int SUBMIT_NANOS = 3;

    /** Histogram precision, as for lock waits: 2 significant digits (1%). */
    private static final int SIGNIFICANT_DIGITS = 2;

    final ExecutorStats executor;
    /** The writing thread, or null for the shared overflow lane. */
    final Thread owner;
    final AtomicLongArray counters = new AtomicLongArray(4);
    /** Whether the owner's first run for this executor has been reported. Owner thread only. */
    boolean workerReported;
    /** Counter values at the previous emit. Emitting thread only. */
    final long[] lastCounters = new long[4];

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram activeWait;
    private volatile Histogram activeRun;
    private Histogram inactiveWait;
    private Histogram inactiveRun;

    ExecutorLane(ExecutorStats executor, Thread owner) {
        this.executor = executor;
        this.owner = owner;
        activeWait = newHistogram();
        activeRun = newHistogram();
        inactiveWait = newHistogram();
        inactiveRun = newHistogram();
    }

    void submitted(long submitNanos) {
        add(SUBMITS, 1);
        add(SUBMIT_NANOS, submitNanos);
    }

    /**
     * A task finished.
     *
     * @param waitNanos its queue wait, or -1 when unknown (its submit was not seen)
     */
    void ran(long waitNanos, long runNanos) {
        long epoch = phaser.writerCriticalSectionEnter();
        try {
            if (waitNanos >= 0) {
                activeWait.recordValue(waitNanos);
            }
            activeRun.recordValue(runNanos);
        } finally {
            phaser.writerCriticalSectionExit(epoch);
        }
        add(RUN_NANOS, runNanos);
        add(TASKS, 1);
    }

    /** Adds the queue waits and run times since the previous call to {@code waits} and {@code runs}. */
    void drain(Histogram waits, Histogram runs) {
        phaser.readerLock();
        try {
            inactiveWait.reset();
            inactiveRun.reset();
            Histogram wait = activeWait;
            Histogram run = activeRun;
            activeWait = inactiveWait;
            activeRun = inactiveRun;
            inactiveWait = wait;
            inactiveRun = run;
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        waits.add(inactiveWait);
        runs.add(inactiveRun);
    }

    /** A plain ordered store in an owned lane (one writer: no atomic instruction), atomic in the shared one. */
    private void add(int counter, long delta) {
        if (owner != null) {
            counters.lazySet(counter, counters.get(counter) + delta);
        } else {
            counters.getAndAdd(counter, delta);
        }
    }

    private Histogram newHistogram() {
        return owner != null ? new Histogram(SIGNIFICANT_DIGITS) : new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    }
}
