package paragent.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The trivial task the executor benchmarks submit: counts its batch down, and the last one wakes
 * the submitting thread. A new instance per submit, as applications submit new tasks. The batch is
 * awaited by {@link #awaitBatch}, which parks as a latch would but without one: a latch wait is
 * an AQS acquisition that the agent records as a lock wait (with a stack trace, once per batch),
 * which is the lock path's cost, not the executor's. Immutable; run once.
 */
final class CountDownTask implements Runnable {

    private final AtomicInteger remaining;
    private final Thread submitter;

    CountDownTask(AtomicInteger remaining, Thread submitter) {
        this.remaining = remaining;
        this.submitter = submitter;
    }

    @Override
    public void run() {
        if (remaining.decrementAndGet() == 0) {
            LockSupport.unpark(submitter);
        }
    }

    /** Returns once every task counting {@code remaining} down has run; called by their submitter. */
    static void awaitBatch(AtomicInteger remaining) {
        while (remaining.get() > 0) {
            LockSupport.park(remaining);
        }
    }
}
