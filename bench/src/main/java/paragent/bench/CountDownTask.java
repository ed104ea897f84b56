package paragent.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trivial task the executor benchmarks submit: counts its batch down. A new instance per
 * submit, as applications submit new tasks. The batch is awaited by {@link #awaitBatch}, which
 * yields rather than parking on a latch: a latch wait is an AQS acquisition the agent records as
 * a lock wait (with a stack trace, once per batch), which is the lock path's cost, not the
 * executor's. Immutable; run once.
 */
final class CountDownTask implements Runnable {

    private final AtomicInteger remaining;

    CountDownTask(AtomicInteger remaining) {
        this.remaining = remaining;
    }

    @Override
    public void run() {
        remaining.decrementAndGet();
    }

    /** Returns once every task counting {@code remaining} down has run. */
    static void awaitBatch(AtomicInteger remaining) {
        while (remaining.get() > 0) {
            Thread.yield();
        }
    }
}
