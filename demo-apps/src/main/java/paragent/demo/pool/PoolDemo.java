package paragent.demo.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.Worker;

/**
 * {@code pool}, after the seed's {@code pro_pool_execu.py}: a pool executor maps a function over
 * a list of inputs and the results are added up.
 *
 * <p>The function hashes its input with {@code --steps} rounds of SplitMix64, a few microseconds
 * of arithmetic. The inputs are the numbers below {@value #DEFAULT_INPUTS} × scale; the pool has
 * {@code --threads} workers named {@code pool-worker-<i>}. Bottleneck: one task per input,
 * submitted one by one from the calling thread, as {@code executor.map} does with its default
 * chunk size of 1, so queueing and hand-off cost as much as the function. Fixed: the same
 * inputs in {@value #CHUNKS_PER_WORKER} contiguous chunks per worker. Result: the sum of the
 * hashes (mod 2<sup>64</sup>, in hex), the same in both variants. With {@code --processes N} the
 * pool is one of worker JVMs fed over pipes ({@link PoolProcesses}). Stateless; see {@link Demo}.
 */
public final class PoolDemo implements Demo {

    /** Inputs mapped at scale 1. */
    public static final long DEFAULT_INPUTS = 800_000L;
    /**
     * Inputs mapped at scale 1 in the process mode: each one there is a round trip through two
     * pipes (~10–30 µs), so the process mode maps fewer to run a few seconds too. Its sum is the
     * thread mode's at {@code --scale 0.25}.
     */
    public static final long DEFAULT_PROCESS_INPUTS = 200_000L;
    /** SplitMix64 rounds per input: about 2 µs of work. */
    public static final int DEFAULT_STEPS = 500;
    /** Chunks per worker in the fixed variant: few enough to be cheap, enough to even out. */
    public static final int CHUNKS_PER_WORKER = 4;

    static final DemoOption STEPS = DemoOption.intOption("steps", 1, DEFAULT_STEPS,
            "SplitMix64 rounds of the function, per input");

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String description() {
        return "maps a tiny function over many inputs on a thread pool, one task per input"
                + " (fixed: a few chunks per worker)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(STEPS);
    }

    @Override
    public Optional<Worker> worker() {
        return Optional.of(new PoolProcesses());
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        if (config.isProcessMode()) {
            return ExpectedFinding.of("IPC", "to child", "paragent.demo.pool.");
        }
        return ExpectedFinding.of("TASK_OVERHEAD", "pool-worker", "paragent.demo.pool.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long inputs = config.scaled(config.isProcessMode() ? DEFAULT_PROCESS_INPUTS : DEFAULT_INPUTS);
        if (inputs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--scale too large: " + inputs + " inputs");
        }
        int steps = STEPS.intValue(config);
        if (config.isProcessMode()) {
            return PoolProcesses.run(config, inputs, steps);
        }
        ThreadPoolExecutor pool = Workers.newPool(name(), config.threads());
        try {
            long startNanos = System.nanoTime();
            List<Future<Long>> tasks = config.variant() == Variant.BOTTLENECK
                    ? submitEach(pool, (int) inputs, steps)
                    : submitChunks(pool, inputs, config.threads() * CHUNKS_PER_WORKER, steps);
            long sum = 0;
            for (Future<Long> task : tasks) {
                sum += Workers.join(task);
            }
            long wallNanos = System.nanoTime() - startNanos;
            return new DemoResult(wallNanos, Long.toHexString(sum), Map.of("tasks", Integer.toString(tasks.size())));
        } finally {
            Workers.stop(pool);
        }
    }

    /** The bottleneck: one task per input. */
    private static List<Future<Long>> submitEach(ThreadPoolExecutor pool, int inputs, int steps) {
        List<Future<Long>> tasks = new ArrayList<>(inputs);
        for (int input = 0; input < inputs; input++) {
            long x = input;
            tasks.add(pool.submit(() -> hash(x, steps)));
        }
        return tasks;
    }

    /** The fix: contiguous chunks of inputs, each one task. */
    private static List<Future<Long>> submitChunks(ThreadPoolExecutor pool, long inputs, int chunks, int steps) {
        int taskCount = (int) Math.min(chunks, inputs);
        List<Future<Long>> tasks = new ArrayList<>(taskCount);
        long from = 0;
        for (int chunk = 0; chunk < taskCount; chunk++) {
            long lo = from;
            long hi = lo + Workers.shareOf(inputs, taskCount, chunk);
            tasks.add(pool.submit(() -> hashRange(lo, hi, steps)));
            from = hi;
        }
        return tasks;
    }

    static long hashRange(long from, long to, int steps) {
        long sum = 0;
        for (long x = from; x < to; x++) {
            sum += hash(x, steps);
        }
        return sum;
    }

    /** The mapped function: {@code steps} rounds of SplitMix64 starting from {@code input}. */
    static long hash(long input, int steps) {
        long z = input;
        for (int i = 0; i < steps; i++) {
            z += GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }
}
