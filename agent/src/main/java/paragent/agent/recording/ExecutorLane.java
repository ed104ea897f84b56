package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntervalHistogramProvider;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;

/**
 * What one thread did for one executor: its submits and the tasks it ran, recorded without
 * contention with other threads. Each thread gets a lane of its own per executor
 * ({@link #owner} set: a single writer, so the histograms are {@link SingleWriterRecorder}s);
 * threads beyond an executor's lane cap share its one overflow lane ({@link #owner} null,
 * multi-writer {@link Recorder}s).
 *
 * <p>Concurrency: the counters are atomic and read by the emitting thread at any time; the
 * histograms are created lazily by the first task run, published through volatile fields.
 * {@link #workerReported} is touched only by the owner thread. The {@code last*} fields are
 * touched only by the emitting thread, under the aggregator's emit lock.
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

    private volatile Channel queueWait;
    private volatile Channel runTime;

    ExecutorLane(ExecutorStats executor, Thread owner) {
        this.executor = executor;
        this.owner = owner;
    }

    void submitted(long submitNanos) {
        counters.getAndIncrement(SUBMITS);
        counters.getAndAdd(SUBMIT_NANOS, submitNanos);
    }

    void waited(long waitNanos) {
        Channel channel = queueWait;
        if (channel == null) {
            channel = queueWait = newChannel();
        }
        channel.recorder.recordValue(waitNanos);
    }

    void ran(long runNanos) {
        Channel channel = runTime;
        if (channel == null) {
            channel = runTime = newChannel();
        }
        channel.recorder.recordValue(runNanos);
        counters.getAndAdd(RUN_NANOS, runNanos);
        counters.getAndIncrement(TASKS);
    }

    /** Adds the queue waits since the previous call to {@code into}; {@code scratch} is overwritten. */
    void drainQueueWait(Histogram scratch, Histogram into) {
        drain(queueWait, scratch, into);
    }

    /** Adds the run times since the previous call to {@code into}; {@code scratch} is overwritten. */
    void drainRunTime(Histogram scratch, Histogram into) {
        drain(runTime, scratch, into);
    }

    private static void drain(Channel channel, Histogram scratch, Histogram into) {
        if (channel != null) {
            channel.intervals.getIntervalHistogramInto(scratch);
            into.add(scratch);
        }
    }

    private Channel newChannel() {
        return owner != null ? new Channel(new SingleWriterRecorder(SIGNIFICANT_DIGITS))
                : new Channel(new Recorder(SIGNIFICANT_DIGITS));
    }

    /** One recorder seen through its two interfaces. */
    private static final class Channel {
        final ValueRecorder recorder;
        final IntervalHistogramProvider<Histogram> intervals;

        <R extends ValueRecorder & IntervalHistogramProvider<Histogram>> Channel(R recorder) {
            this.recorder = recorder;
            this.intervals = recorder;
        }
    }
}
