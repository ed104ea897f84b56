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
 * <p>Every submit and every run is timed and summed exactly; {@link #submitSampler} picks the
 * submits that are queue-wait samples (every one in the overflow lane). Counts are exact. Every
 * run is recorded in the run-time histogram: the runs {@link #runSampler} picks, slow ones and
 * those before the first sampled fast run at their own time, any other at the lane's latest
 * sampled fast run ("sample and hold"), so the histogram's count is the number of runs. Likewise
 * every run after the lane's first measured queue wait is recorded in the queue-wait histogram, at
 * its own wait when its submit was sampled, else at the latest one measured.
 *
 * <p>A run's queue wait and run time are recorded together in one writer critical section of a
 * {@link WriterReaderPhaser} (two atomic increments per task, where a {@code Recorder} per
 * histogram would take four); {@link #drain} swaps the active and inactive histograms under the
 * phaser's reader lock, as HdrHistogram's own recorders do.
 *
 * <p>Concurrency: the counters are read by the emitting thread at any time (written with ordered
 * stores by an owned lane's single writer, atomically in the overflow lane). {@link #drain} and
 * the {@code last*} fields belong to the emitting thread, under the aggregator's emit lock.
 * {@link #workerReported}, the samplers and the held values are touched only by the owner thread;
 * in the overflow lane, which times every run and submit, the held queue wait is shared without
 * synchronization (a benign race: a run may be recorded at another thread's latest wait).
 */
final class ExecutorLane {

    static final int TASKS = 0;
    static final int RUN_NANOS = 1;
    static final int SUBMITS = 2;
    /**
     * The submits' total time, exact: every submit is timed. (Holding one sampled submit's time
     * for the fifteen after it was unbiased but not stable: a sample that met a GC pause or a
     * preemption stood for fifteen more, and one run of {@code pool} at 2 threads reported 1.05 s
     * of submits where the timed runs gave 0.18-0.28 s.)
     */
    static final int SUBMIT_NANOS = 3;
    private static final int COUNTERS = 4;

    /** A run at least this long is recorded at its own time, sampled or not, and never held. */
    static final long SLOW_RUN_NANOS = 10_000;

    /** Histogram precision, as for lock waits: 2 significant digits (1%). */
    private static final int SIGNIFICANT_DIGITS = 2;

    final ExecutorStats executor;
    /** The writing thread, or null for the shared overflow lane. */
    final Thread owner;
    final AtomicLongArray counters = new AtomicLongArray(COUNTERS);
    /** Which submits are queue-wait samples; owner thread only. */
    final CostSampler submitSampler;
    /** Which runs are timed; owner thread only. */
    final CostSampler runSampler;
    /** Whether the owner's first run for this executor has been reported. Owner thread only. */
    boolean workerReported;
    /** Counter values at the previous emit. Emitting thread only. */
    final long[] lastCounters = new long[COUNTERS];

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram activeWait;
    private volatile Histogram activeRun;
    private Histogram inactiveWait;
    private Histogram inactiveRun;
    /** The latest timed run and measured queue wait, held for the runs after them that had none. */
    private final HeldValue heldRun;
    private final HeldValue heldWait;

    ExecutorLane(ExecutorStats executor, Thread owner) {
        this.executor = executor;
        this.owner = owner;
        this.submitSampler = owner != null ? new CostSampler() : CostSampler.ALWAYS;
        this.runSampler = owner != null ? new CostSampler() : CostSampler.ALWAYS;
        this.heldRun = new HeldValue(owner == null);
        this.heldWait = new HeldValue(owner == null);
        activeWait = newHistogram();
        activeRun = newHistogram();
        inactiveWait = newHistogram();
        inactiveRun = newHistogram();
    }

    /**
     * A submit returned.
     *
     * @param submitNanos its duration
     */
    void submitted(long submitNanos) {
        add(SUBMITS, 1);
        add(SUBMIT_NANOS, submitNanos);
    }

    /**
     * A task finished. Its run time is always measured and summed exactly ({@link #RUN_NANOS}); it
     * goes into the run-time histogram at its own time when it was sampled or slow (at least
     * {@link #SLOW_RUN_NANOS}), else at the latest sampled fast run's time (held and written
     * in batches, which spares most runs the histogram write). A slow sampled run is not held: one
     * task that met a GC pause would otherwise stand for the next fifteen.
     *
     * @param waitNanos its queue wait, or -1 when not measured (its submit was not sampled)
     * @param runNanos its run time
     * @param sampled whether the lane's run sampler picked it
     */
    void ran(long waitNanos, long runNanos, boolean sampled) {
        add(TASKS, 1);
        add(RUN_NANOS, runNanos);
        boolean slow = runNanos >= SLOW_RUN_NANOS;
        // Until a sampled fast run gives a value to hold, every run is recorded at its own time.
        boolean nothingHeld = heldRun.value() == HeldValue.NONE;
        boolean recordRun = sampled || slow || nothingHeld;
        if (!recordRun) {
            heldRun.hold();
        }
        if (waitNanos < 0) {
            heldWait.hold();
        }
        if (!recordRun && waitNanos < 0) {
            return;
        }
        long epoch = phaser.writerCriticalSectionEnter();
        try {
            heldRun.flushInto(activeRun);
            heldWait.flushInto(activeWait);
            if (waitNanos >= 0) {
                activeWait.recordValue(waitNanos);
            }
            if (recordRun) {
                activeRun.recordValue(runNanos);
            }
        } finally {
            phaser.writerCriticalSectionExit(epoch);
        }
        if (!slow && (sampled || nothingHeld)) {
            heldRun.set(runNanos);
        }
        if (waitNanos >= 0) {
            heldWait.set(waitNanos);
        }
    }

    /**
     * Adds the queue waits and run times since the previous call to {@code waits} and {@code runs},
     * the runs still held included.
     */
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
        heldWait.flushInto(inactiveWait);
        heldRun.flushInto(inactiveRun);
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
