package paragent.demo.parallelloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code parallel-loop}, after the seed's {@code Cython_parallel.pyx}: an OpenMP {@code prange}
 * loop over an array, run on a pool of {@code --threads} workers named
 * {@code parallel-loop-worker-<i>}.
 *
 * <p>The loop computes {@code out[i] = f(i)} for {@value #DEFAULT_ELEMENTS} × scale elements and
 * adds the values up; {@code f(i)} costs {@code 1 + --max-steps × (i/n)²} SplitMix64 rounds, so
 * the work per element grows quadratically along the array. Bottleneck: {@code schedule(static)}
 * — the index range cut into one equal-length partition per worker, each partition one task, so
 * the last partition holds most of the work (7/8 of it with 2 workers) while the others finish
 * early and idle. Fixed: {@code schedule(dynamic)} — one task per worker, each taking chunks of
 * {@value #CHUNK} elements from a shared cursor until none are left, so all finish together.
 * Result: the sum of the values (mod 2<sup>64</sup>, in hex), the same in both variants.
 * Stateless; see {@link Demo}.
 */
public final class ParallelLoopDemo implements Demo {

    /** Array length at scale 1. */
    public static final long DEFAULT_ELEMENTS = 500_000L;
    /** SplitMix64 rounds of the last element. */
    public static final int DEFAULT_MAX_STEPS = 4_000;
    /** Elements a worker takes from the cursor at a time in the fixed variant. */
    public static final int CHUNK = 64;

    static final DemoOption MAX_STEPS = DemoOption.intOption("max-steps", 0, DEFAULT_MAX_STEPS,
            "SplitMix64 rounds of the last element; element i costs 1 + max-steps * (i/n)^2");

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "parallel-loop";
    }

    @Override
    public String description() {
        return "a parallel loop whose cost per element grows along the array, cut into equal static partitions"
                + " (fixed: dynamic scheduling in small chunks)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(MAX_STEPS);
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.of("LOAD_IMBALANCE", "parallel-loop-worker", "paragent.demo.parallelloop.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long elements = config.scaled(DEFAULT_ELEMENTS);
        if (elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--scale too large: " + elements + " elements");
        }
        Loop loop = new Loop((int) elements, MAX_STEPS.intValue(config));
        ThreadPoolExecutor pool = Workers.newPool(name(), config.threads());
        try {
            long startNanos = System.nanoTime();
            List<Future<Long>> tasks = config.variant() == Variant.BOTTLENECK
                    ? scheduleStatic(pool, loop, config.threads())
                    : scheduleDynamic(pool, loop, config.threads());
            long sum = 0;
            for (Future<Long> task : tasks) {
                sum += Workers.join(task);
            }
            long wallNanos = System.nanoTime() - startNanos;
            return new DemoResult(wallNanos, Long.toHexString(sum), Map.of("elements", Long.toString(elements)));
        } finally {
            Workers.stop(pool);
        }
    }

    /** The bottleneck: one equal-length partition of the index range per worker. */
    private static List<Future<Long>> scheduleStatic(ThreadPoolExecutor pool, Loop loop, int workers) {
        List<Future<Long>> tasks = new ArrayList<>(workers);
        int from = 0;
        for (int part = 0; part < workers; part++) {
            int lo = from;
            int hi = lo + (int) Workers.shareOf(loop.elements, workers, part);
            tasks.add(pool.submit(() -> loop.sum(lo, hi)));
            from = hi;
        }
        return tasks;
    }

    /** The fix: every worker takes small chunks from one shared cursor until the range is done. */
    private static List<Future<Long>> scheduleDynamic(ThreadPoolExecutor pool, Loop loop, int workers) {
        AtomicInteger nextChunk = new AtomicInteger();
        int chunks = (loop.elements + CHUNK - 1) / CHUNK;
        List<Future<Long>> tasks = new ArrayList<>(workers);
        for (int worker = 0; worker < workers; worker++) {
            tasks.add(pool.submit(() -> {
                long sum = 0;
                for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                    int lo = chunk * CHUNK;
                    sum += loop.sum(lo, Math.min(loop.elements, lo + CHUNK));
                }
                return sum;
            }));
        }
        return tasks;
    }

    /** The loop body over an array of {@code elements}; immutable, so shared by all workers. */
    private static final class Loop {
        final int elements;
        private final int maxSteps;

        Loop(int elements, int maxSteps) {
            this.elements = elements;
            this.maxSteps = maxSteps;
        }

        /** The sum of {@code f(i)} for {@code from <= i < to}. */
        long sum(int from, int to) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += element(i);
            }
            return sum;
        }

        /** {@code f(i)}: {@link #steps} rounds of SplitMix64 starting from {@code i}. */
        long element(int i) {
            long z = i;
            for (int step = steps(i); step > 0; step--) {
                z += GOLDEN_GAMMA;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
            }
            return z;
        }

        /** Rounds for element {@code i}: {@code 1 + maxSteps × (i/n)²}, growing along the array. */
        int steps(int i) {
            double position = (double) i / elements;
            return 1 + (int) (maxSteps * position * position);
        }
    }
}
