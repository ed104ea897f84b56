package paragent.testapps;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cost per task of the two executor paths, for the overhead comparison of
 * {@code paragent.agent.bench.ExecutorOverhead}: {@code tpe}, one thread submitting empty tasks
 * to a one-thread ThreadPoolExecutor (submit, queue hand-off, run); {@code fj}, a one-thread
 * ForkJoinPool forking and joining empty leaf tasks. Each is run {@link #ROUNDS} times; the
 * median of the rounds after the first two (JIT warm-up) is printed as {@code name nsPerTask}.
 */
public final class ExecutorOverheadApp {

    private static final int ROUNDS = 7;
    private static final int WARMUP_ROUNDS = 2;
    private static final int TPE_TASKS = 1_000_000;
    /** Leaves of the fork/join tree; it forks one task per leaf, less one. */
    private static final int FJ_LEAVES = 1 << 20;

    private ExecutorOverheadApp() {
    }

    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        ForkJoinPool fj = new ForkJoinPool(1);
        double[] tpeNanos = new double[ROUNDS];
        double[] fjNanos = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            tpeNanos[round] = threadPoolRound(tpe);
            fjNanos[round] = forkJoinRound(fj);
        }
        tpe.shutdown();
        fj.shutdown();
        System.out.printf(Locale.ROOT, "tpe %.1f%nfj %.1f%n", median(tpeNanos), median(fjNanos));
    }

    private static double threadPoolRound(ThreadPoolExecutor pool) throws Exception {
        Runnable[] tasks = new Runnable[TPE_TASKS];
        for (int i = 0; i < TPE_TASKS; i++) {
            tasks[i] = new Empty();
        }
        long start = System.nanoTime();
        for (Runnable task : tasks) {
            pool.execute(task);
        }
        pool.submit(() -> { }).get();
        return (System.nanoTime() - start) / (double) TPE_TASKS;
    }

    private static double forkJoinRound(ForkJoinPool pool) {
        long start = System.nanoTime();
        pool.invoke(new Split(FJ_LEAVES));
        return (System.nanoTime() - start) / (double) FJ_LEAVES;
    }

    private static double median(double[] rounds) {
        double[] measured = Arrays.copyOfRange(rounds, WARMUP_ROUNDS, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /** A task that does nothing, a distinct object per submit as most real tasks are. */
    private static final class Empty implements Runnable {
        @Override
        public void run() {
            // The cost measured is the executor's, not the task's.
        }
    }

    /** Splits down to single empty leaves, forking one half at each level. */
    private static final class Split extends RecursiveAction {
        private final int leaves;

        Split(int leaves) {
            this.leaves = leaves;
        }

        @Override
        protected void compute() {
            if (leaves == 1) {
                return;
            }
            Split left = new Split(leaves / 2);
            left.fork();
            new Split(leaves - leaves / 2).compute();
            left.join();
        }
    }
}
