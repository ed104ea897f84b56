package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The submit times of the few sampled tasks of one executor that have not started yet, keyed by
 * the task's identity (compared by reference: no identity hash, which would cost every task), so
 * that the task objects themselves are never wrapped or replaced.
 *
 * <p>{@link #CAPACITY} slots, each scanned by every {@link #take}. {@link #offer} takes a free slot;
 * when none is free it evicts the oldest entry only when that is older than {@link #STALE_NANOS}
 * (a task that never ran: rejected into the caller, removed, cancelled), else the sample is
 * dropped, so a deep queue keeps its samples until they run. The same task object offered twice
 * has two entries; {@link #take} removes the oldest, as a FIFO queue would start it.
 *
 * <p>Lock-free and allocation-free. A slot's key goes null → {@link #CLAIMED} → task → null; only
 * the thread that moved it to {@code CLAIMED} writes the slot's time, before it publishes the task
 * with a volatile write, so a reader that sees the task sees its time.
 */
final class PendingSubmits {

    /** Slots per executor. */
    static final int CAPACITY = 8;
    /** An entry older than this may be evicted by a new one. */
    static final long STALE_NANOS = 10_000_000_000L;
    /** What {@link #take} returns for a task without an entry. */
    static final long NONE = Long.MIN_VALUE;

    private static final Object CLAIMED = new Object();

    private final AtomicReferenceArray<Object> keys = new AtomicReferenceArray<>(CAPACITY);
    private final long[] nanos = new long[CAPACITY];

    /**
     * Notes that {@code task} was submitted at {@code submitNanos}.
     *
     * @return whether it was noted (false: every slot holds a younger entry)
     */
    boolean offer(Object task, long submitNanos) {
        int oldest = -1;
        long oldestNanos = Long.MAX_VALUE;
        for (int slot = 0; slot < CAPACITY; slot++) {
            Object key = keys.get(slot);
            if (key == null && keys.compareAndSet(slot, null, CLAIMED)) {
                publish(slot, task, submitNanos);
                return true;
            }
            if (key != null && key != CLAIMED && nanos[slot] < oldestNanos) {
                oldestNanos = nanos[slot];
                oldest = slot;
            }
        }
        if (oldest < 0 || submitNanos - oldestNanos < STALE_NANOS) {
            return false;
        }
        Object victim = keys.get(oldest);
        if (victim != null && victim != CLAIMED && keys.compareAndSet(oldest, victim, CLAIMED)) {
            publish(oldest, task, submitNanos);
            return true;
        }
        return false;
    }

    /** Removes the oldest entry of {@code task} and returns its submit time, or {@link #NONE}. */
    long take(Object task) {
        while (true) {
            int best = -1;
            long bestNanos = Long.MAX_VALUE;
            for (int slot = 0; slot < CAPACITY; slot++) {
                if (keys.get(slot) == task && nanos[slot] <= bestNanos) {
                    bestNanos = nanos[slot];
                    best = slot;
                }
            }
            if (best < 0) {
                return NONE;
            }
            if (keys.compareAndSet(best, task, null)) {
                return bestNanos;
            }
            // Another thread took or evicted that entry meanwhile; look again.
        }
    }

    private void publish(int slot, Object task, long submitNanos) {
        nanos[slot] = submitNanos;
        keys.set(slot, task);
    }
}
