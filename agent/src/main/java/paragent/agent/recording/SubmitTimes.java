package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * When each queued task was submitted, and to which executor, keyed by the task's identity, so
 * that the task objects themselves are never wrapped or replaced.
 *
 * <p>A fixed open-addressed table of {@link #CAPACITY} slots: a task hashes to a window of
 * {@link #WINDOW} consecutive slots. {@link #put} takes a free slot of the window, else evicts the
 * oldest entry there, so entries of tasks that never run (rejected, removed, cancelled, run by
 * the caller) are overwritten in time and the table never holds more than {@link #CAPACITY} tasks.
 * The same task object submitted several times has several entries; {@link #take} removes the
 * oldest, as a FIFO queue would start it. An entry can be lost to eviction when more than
 * {@link #WINDOW} queued tasks share a window (many queued submits of one non-capturing lambda);
 * such a run then has no queue wait.
 *
 * <p>Lock-free and allocation-free. A slot's key goes null → {@link #CLAIMED} → task → null;
 * only the thread that moved it to {@code CLAIMED} writes the slot's time and owner, before it
 * publishes the task with a volatile write, so a reader that sees the task sees its time.
 */
final class SubmitTimes {

    /** Slots; a power of two. About 1.5 MiB of arrays. */
    static final int CAPACITY = 1 << 17;
    /** Slots probed per task. */
    static final int WINDOW = 8;

    private static final Object CLAIMED = new Object();

    private final AtomicReferenceArray<Object> keys = new AtomicReferenceArray<>(CAPACITY);
    private final long[] nanos = new long[CAPACITY];
    private final Object[] owners = new Object[CAPACITY];

    /** Notes that {@code task} was submitted at {@code submitNanos} to {@code owner}. */
    void put(Object task, long submitNanos, Object owner) {
        int start = windowStart(task);
        int oldest = -1;
        long oldestNanos = Long.MAX_VALUE;
        for (int i = 0; i < WINDOW; i++) {
            int slot = (start + i) & (CAPACITY - 1);
            Object key = keys.get(slot);
            if (key == null && keys.compareAndSet(slot, null, CLAIMED)) {
                publish(slot, task, submitNanos, owner);
                return;
            }
            if (key != null && key != CLAIMED && nanos[slot] < oldestNanos) {
                oldestNanos = nanos[slot];
                oldest = slot;
            }
        }
        if (oldest >= 0) {
            Object victim = keys.get(oldest);
            if (victim != null && victim != CLAIMED && keys.compareAndSet(oldest, victim, CLAIMED)) {
                publish(oldest, task, submitNanos, owner);
            }
        }
    }

    /**
     * Removes the oldest entry of {@code task}.
     *
     * @param found receives the submit time at index 0 when an entry is found
     * @return the entry's owner, or null when the task has no entry
     */
    Object take(Object task, long[] found) {
        while (true) {
            int start = windowStart(task);
            int best = -1;
            long bestNanos = Long.MAX_VALUE;
            for (int i = 0; i < WINDOW; i++) {
                int slot = (start + i) & (CAPACITY - 1);
                if (keys.get(slot) == task && nanos[slot] < bestNanos) {
                    bestNanos = nanos[slot];
                    best = slot;
                }
            }
            if (best < 0) {
                return null;
            }
            Object owner = owners[best];
            if (keys.compareAndSet(best, task, null)) {
                found[0] = bestNanos;
                return owner;
            }
            // Another thread took or evicted that entry meanwhile; look again.
        }
    }

    private void publish(int slot, Object task, long submitNanos, Object owner) {
        nanos[slot] = submitNanos;
        owners[slot] = owner;
        keys.set(slot, task);
    }

    private static int windowStart(Object task) {
        int h = System.identityHashCode(task);
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
