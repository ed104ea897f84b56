package paragent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a demo's worker threads: starts them, releases them together, waits for all and times the
 * parallel part; or makes the thread pool of a demo whose workers take tasks from an executor.
 *
 * <p>Workers are platform threads named {@code <demo>-worker-<i>} (i from 1), whether started by
 * {@link #runAll} or by a pool from {@link #newPool}. The wall time of {@link #runAll} runs from
 * releasing the start gate until the last worker ends, so thread creation is not counted. If a
 * worker throws, the others still run to completion, then {@link #runAll} throws an
 * {@link IllegalStateException} caused by the first failure; {@link #join} does the same for a
 * pool's task. Stateless; each call uses its own threads.
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
     * A fixed pool of {@code threads} platform threads named {@code <demo>-worker-<i>} (i from 1, in
     * the order the pool starts them) with an unbounded queue. The caller must {@link #stop} it.
     */
    public static ThreadPoolExecutor newPool(String demoName, int threads) {
        AtomicInteger started = new AtomicInteger();
        ThreadFactory factory = task -> new Thread(task, demoName + "-worker-" + started.incrementAndGet());
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    /**
     * Waits for a pool task and returns its value.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException caused by the task's failure if it threw
     */
    public static <T> T join(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("worker task failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Stops a demo's pool and waits until its threads have ended, so none outlives the run: tasks
     * not yet started are dropped (there are none after a run that joined all its tasks), running
     * ones are interrupted and waited for.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public static void stop(ThreadPoolExecutor pool) throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /**
     * Worker {@code index}'s share of {@code total} units split over {@code parts} workers: the
     * shares differ by at most one and add up to {@code total}.
     */
    public static long shareOf(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
