package paragent.bench;

import java.util.concurrent.CountDownLatch;

/**
 * The trivial task the executor benchmarks submit: counts its batch's latch down. A new instance
 * per submit, as applications submit new tasks (the agent keys submit times by task).
 * Immutable; run once.
 */
final class CountDownTask implements Runnable {

    private final CountDownLatch done;

    CountDownTask(CountDownLatch done) {
        this.done = done;
    }

    @Override
    public void run() {
        done.countDown();
    }
}
