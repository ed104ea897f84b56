package paragent.demo.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per thread on a fixed pool and adds up what the tasks return, so that a workload's
 * checksum does not depend on which thread finished first. Stateless; each call owns its pool.
 */
final class PerThread {

    /** One thread's share of a run. */
    @FunctionalInterface
    interface Task {
        /** The work of thread {@code index} (0 ≤ index < threads); returns its checksum. */
        long run(int index) throws Exception;
    }

    private PerThread() {
    }

    /**
     * Runs {@code task} for indexes 0 … threads−1 in parallel and returns the sum of their results.
     *
     * @throws Exception the first task's failure, as thrown
     */
    static long sum(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> task.run(index)));
            }
            long sum = 0;
            for (Future<Long> f : futures) {
                sum += get(f);
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first index of thread {@code index}'s slice when {@code units} are split over {@code threads}. */
    static int sliceStart(int units, int threads, int index) {
        return (int) ((long) units * index / threads);
    }

    private static long get(Future<Long> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
