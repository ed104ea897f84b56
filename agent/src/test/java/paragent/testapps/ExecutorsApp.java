package paragent.testapps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Known numbers of tasks on each kind of executor: {@link #TPE_TASKS} on a fixed
 * ThreadPoolExecutor (half by execute, half by submit), {@link #SCHEDULED_TASKS} one-shot tasks on
 * a ScheduledThreadPoolExecutor, a recursive sum on a ForkJoinPool that forks exactly
 * {@link #FORKS} tasks, and a parallel stream. Prints only results that do not depend on timing.
 */
public final class ExecutorsApp {

    public static final int TPE_TASKS = 300;
    public static final int SCHEDULED_TASKS = 40;
    /** Leaves of the recursive sum; a binary split of 64 leaves forks 63 tasks. */
    public static final int LEAVES = 64;
    public static final int FORKS = LEAVES - 1;

    private static final AtomicInteger FJ_THREADS = new AtomicInteger();

    private ExecutorsApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("tpe=" + runThreadPool());
        System.out.println("scheduled=" + runScheduled());
        System.out.println("forkjoin=" + runForkJoin());
        System.out.println("stream=" + LongStream.rangeClosed(1, 200_000).parallel().map(x -> x % 7).sum());
    }

    private static long runThreadPool() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named("tpe-worker-"));
        AtomicLong sum = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < TPE_TASKS; i++) {
            long value = i;
            if (i % 2 == 0) {
                pool.execute(() -> sum.addAndGet(work(value)));
            } else {
                futures.add(pool.submit(() -> sum.addAndGet(work(value))));
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return sum.get();
    }

    private static int runScheduled() throws Exception {
        ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1, named("stpe-worker-"));
        AtomicInteger ran = new AtomicInteger();
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < SCHEDULED_TASKS; i++) {
            futures.add(scheduler.schedule(ran::incrementAndGet, i % 5, TimeUnit.MILLISECONDS));
        }
        for (ScheduledFuture<?> future : futures) {
            future.get();
        }
        scheduler.shutdown();
        scheduler.awaitTermination(1, TimeUnit.MINUTES);
        return ran.get();
    }

    private static long runForkJoin() {
        ForkJoinPool pool = new ForkJoinPool(2, p -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("fj-worker-" + FJ_THREADS.incrementAndGet());
            return thread;
        }, null, false);
        try {
            return pool.invoke(new Sum(0, LEAVES));
        } finally {
            pool.shutdown();
        }
    }

    private static long work(long value) {
        long x = value;
        for (int i = 0; i < 2_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x & 0xff;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + next.incrementAndGet());
    }

    /** Sums work(i) over [from, to) by binary splitting down to single leaves; forks one half each split. */
    private static final class Sum extends RecursiveTask<Long> {
        private final int from;
        private final int to;

        Sum(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from == 1) {
                return work(from);
            }
            int mid = (from + to) >>> 1;
            Sum left = new Sum(from, mid);
            left.fork();
            long right = new Sum(mid, to).compute();
            return right + left.join();
        }
    }
}
