package paragent.demo.oversubscribe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code oversubscribe}: a CPU-bound job split over many more busy threads than there are cores
 * (run it with {@code --threads 8} on 2 cores).
 *
 * <p>The job has {@value #SHARES} shares. A share fills a private table of {@code --table-kb} KB
 * with a random cycle (seeded by the share's number) and walks {@value #DEFAULT_STEPS} × scale /
 * {@value #SHARES} steps along it, like a traversal of a linked structure. Two tables fit the
 * caches of this machine's two cores; eight do not, so when the scheduler time-slices eight
 * threads, each one comes back to a table the others evicted and walks it at memory speed.
 * Bottleneck: {@code --threads} threads named {@code oversubscribe-worker-<i>}, worker {@code i}
 * of {@code N} doing shares {@code i, i+N, ...} (so at most {@value #SHARES} workers have work);
 * they all compete for the cores and wait in the run queue. Fixed: the same shares as tasks of a
 * pool of {@code min(--threads, availableProcessors)} workers (same thread names). Result: the
 * sum of the shares' checksums (in hex), the same in both variants.
 *
 * <p>{@code metric.runQueueMillis} is the workers' run-queue wait while they worked, measured by
 * the demo itself: each worker (each task, in the fixed variant) reads its own
 * {@code /proc/thread-self/schedstat} at its start and end; {@code -1} when it cannot be read.
 * Stateless; see {@link Demo}.
 */
public final class OversubscribeDemo implements Demo {

    /** Shares of the job; fixed, so the work does not depend on the thread count. */
    public static final int SHARES = 16;
    /** Steps along the tables at scale 1, over all shares. */
    public static final long DEFAULT_STEPS = 40_000_000L;
    /** Size of a share's table: two fit this machine's caches, eight do not. */
    public static final int DEFAULT_TABLE_KB = 8_192;

    static final DemoOption TABLE_KB = DemoOption.intOption("table-kb", 1, DEFAULT_TABLE_KB,
            "size of a share's private table in KB");

    @Override
    public String name() {
        return "oversubscribe";
    }

    @Override
    public String description() {
        return "a CPU-bound job on --threads busy threads, far more than cores (run with --threads 8)"
                + " (fixed: a pool of one worker per core)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(TABLE_KB);
    }

    @Override
    public int diagnosisThreads(int cores) {
        return 4 * cores;
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.of("OVERSUBSCRIPTION", "oversubscribe-worker", "paragent.demo.oversubscribe.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        Job job = new Job(config.scaled(DEFAULT_STEPS), TABLE_KB.intValue(config) * 256);
        LongAdder checksum = new LongAdder();
        long wallNanos = config.variant() == Variant.BOTTLENECK
                ? runOnThreads(job, config.threads(), checksum)
                : runOnPool(job, config.threads(), checksum);
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("shares", Integer.toString(SHARES));
        metrics.put("runQueueMillis", Long.toString(job.runQueueMillis()));
        return new DemoResult(wallNanos, Long.toHexString(checksum.sum()), metrics);
    }

    /** The bottleneck: one busy thread per {@code --threads}. */
    private long runOnThreads(Job job, int threads, LongAdder checksum) throws InterruptedException {
        return Workers.runAll(name(), threads, index -> {
            long startWait = RunQueueClock.waitNanos();
            for (int share = index; share < SHARES; share += threads) {
                checksum.add(job.share(share));
            }
            job.recordWait(startWait, RunQueueClock.waitNanos());
        });
    }

    /** The fix: the same shares on a pool with no more workers than cores. */
    private long runOnPool(Job job, int threads, LongAdder checksum) throws InterruptedException {
        int workers = Math.min(threads, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = Workers.newPool(name(), workers);
        try {
            long startNanos = System.nanoTime();
            List<Future<Long>> tasks = new ArrayList<>(SHARES);
            for (int share = 0; share < SHARES; share++) {
                int number = share;
                tasks.add(pool.submit(() -> {
                    long startWait = RunQueueClock.waitNanos();
                    long sum = job.share(number);
                    job.recordWait(startWait, RunQueueClock.waitNanos());
                    return sum;
                }));
            }
            for (Future<Long> task : tasks) {
                checksum.add(Workers.join(task));
            }
            return System.nanoTime() - startNanos;
        } finally {
            Workers.stop(pool);
        }
    }

    /** The job's shares and the run-queue wait measured while they ran. Thread-safe. */
    private static final class Job {
        private final long totalSteps;
        private final int tableInts;
        private final LongAdder waitNanos = new LongAdder();
        private final AtomicBoolean unreadable = new AtomicBoolean();

        Job(long totalSteps, int tableInts) {
            this.totalSteps = totalSteps;
            this.tableInts = tableInts;
        }

        /** Builds share {@code number}'s table and walks its share of the steps; returns a checksum. */
        long share(int number) {
            int[] next = randomCycle(tableInts, new SplittableRandom(number));
            long steps = Workers.shareOf(totalSteps, SHARES, number);
            int at = 0;
            long sum = 0;
            for (long step = 0; step < steps; step++) {
                at = next[at];
                sum += at;
            }
            return sum;
        }

        /** Adds one worker's wait between two readings, or marks the metric unreadable. */
        void recordWait(long startNanos, long endNanos) {
            if (startNanos == RunQueueClock.UNREADABLE || endNanos == RunQueueClock.UNREADABLE) {
                unreadable.set(true);
            } else {
                waitNanos.add(endNanos - startNanos);
            }
        }

        long runQueueMillis() {
            return unreadable.get() ? RunQueueClock.UNREADABLE : waitNanos.sum() / 1_000_000L;
        }

        /** A random single cycle through all {@code size} slots (Sattolo's shuffle): a random linked list. */
        private static int[] randomCycle(int size, SplittableRandom random) {
            int[] next = new int[size];
            for (int i = 0; i < size; i++) {
                next[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i);
                int swap = next[i];
                next[i] = next[j];
                next[j] = swap;
            }
            return next;
        }
    }
}
