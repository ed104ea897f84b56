package paragent.agent.recording;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLongArray;
import paragent.agent.bootstrap.ChannelSummaryEvent;

/**
 * One thread's reads and writes on one channel. Counters are atomics so that the flush thread can
 * take deltas ({@code getAndSet(0)}) while the owner adds; a lane normally has one writer (its
 * thread), the overflow lane of a channel with more than {@link Channel#MAX_LANES} threads several.
 * The first-read/first-write flags are racy by design: at worst one extra {@code ChannelOp}.
 */
final class ChannelLane {

    private static final int BYTES_READ = 0;
    private static final int BYTES_WRITTEN = 1;
    private static final int READS = 2;
    private static final int WRITES = 3;
    private static final int READ_NANOS = 4;
    private static final int WRITE_NANOS = 5;
    private static final int IDLE_READ_NANOS = 6;

    final long javaThreadId;
    private final WeakReference<Thread> thread;
    private final AtomicLongArray counters = new AtomicLongArray(7);
    boolean readSeen;
    boolean writeSeen;

    /** @param thread the lane's thread, or null for a channel's shared overflow lane */
    ChannelLane(Thread thread) {
        this.javaThreadId = thread != null ? thread.getId() : -1;
        this.thread = thread != null ? new WeakReference<>(thread) : null;
    }

    void read(long bytes, long nanos, boolean idle) {
        counters.getAndAdd(BYTES_READ, bytes);
        counters.getAndIncrement(READS);
        counters.getAndAdd(READ_NANOS, nanos);
        if (idle) {
            counters.getAndAdd(IDLE_READ_NANOS, nanos);
        }
    }

    void wrote(long bytes, long nanos) {
        counters.getAndAdd(BYTES_WRITTEN, bytes);
        counters.getAndIncrement(WRITES);
        counters.getAndAdd(WRITE_NANOS, nanos);
    }

    /** Commits the deltas since the previous call, if any; returns whether there were any. */
    boolean emit(long channelId, boolean idleMeasured) {
        long reads = counters.getAndSet(READS, 0);
        long writes = counters.getAndSet(WRITES, 0);
        if (reads == 0 && writes == 0) {
            return false;
        }
        ChannelSummaryEvent event = new ChannelSummaryEvent();
        event.channelId = channelId;
        event.javaThreadId = javaThreadId;
        event.reads = reads;
        event.writes = writes;
        event.bytesRead = counters.getAndSet(BYTES_READ, 0);
        event.bytesWritten = counters.getAndSet(BYTES_WRITTEN, 0);
        event.readNanos = counters.getAndSet(READ_NANOS, 0);
        event.writeNanos = counters.getAndSet(WRITE_NANOS, 0);
        long idle = counters.getAndSet(IDLE_READ_NANOS, 0);
        event.idleReadNanos = idleMeasured ? idle : -1;
        event.commit();
        return true;
    }

    /** Whether the lane's thread has ended (never for the overflow lane). */
    boolean threadEnded() {
        if (thread == null) {
            return false;
        }
        Thread owner = thread.get();
        return owner == null || !owner.isAlive();
    }
}
