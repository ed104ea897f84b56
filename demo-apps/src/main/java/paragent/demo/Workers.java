package paragent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a demo's worker threads: starts them, releases them together, waits for all and times the
 * parallel part.
 *
 * <p>Workers are platform threads named {@code <demo>-worker-<i>} (i from 1). The wall time runs
 * from releasing the start gate until the last worker ends, so thread creation is not counted.
 * If a worker throws, the others still run to completion, then {@link #runAll} throws an
 * {@link IllegalStateException} caused by the first failure. Stateless; each call uses its own
 * threads.
 */
public final class Workers {

    /** The code each worker runs. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs one worker's share.
         *
         * @param workerIndex 0-based index of this worker, below the thread count
         */
        void run(int workerIndex) throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs {@code body} on {@code threads} new threads and returns the wall time in nanoseconds.
     *
     * @throws InterruptedException if interrupted while waiting; the workers are interrupted too
     * @throws IllegalStateException if a worker threw
     */
    public static long runAll(String demoName, int threads, Body body) throws InterruptedException {
        CountDownLatch startGate = new CountDownLatch(1);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = new Thread(() -> {
                try {
                    startGate.await();
                    body.run(index);
                } catch (Throwable t) {
                    firstFailure.compareAndSet(null, t);
                }
            }, demoName + "-worker-" + (i + 1));
            workers.add(worker);
            worker.start();
        }
        long startNanos = System.nanoTime();
        startGate.countDown();
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        long wallNanos = System.nanoTime() - startNanos;
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException(demoName + " worker failed: " + failure, failure);
        }
        return wallNanos;
    }

    /**
     * Worker {@code index}'s share of {@code total} units split over {@code parts} workers: the
     * shares differ by at most one and add up to {@code total}.
     */
    public static long shareOf(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
