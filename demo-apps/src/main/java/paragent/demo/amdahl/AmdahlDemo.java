package paragent.demo.amdahl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code amdahl}: rounds of a parallel phase followed by a phase that runs on one thread, so the
 * speed-up stops at Amdahl's limit.
 *
 * <p>Each of {@value #DEFAULT_ROUNDS} × scale rounds fills an array of {@value #ELEMENTS} longs
 * with {@code f(seed, i)} ({@value #STEPS} SplitMix64 rounds each), on a pool of {@code --threads}
 * workers named {@code amdahl-worker-<i>}, one segment per worker; then the round's output is
 * fingerprinted with a polynomial hash of its contents ({@link PolynomialHash}), which seeds the next
 * round, so the rounds form a chain. Bottleneck: the calling thread hashes the whole array by
 * Horner's rule while the workers wait idle in the pool — 40–50% of the single-thread work.
 * Fixed: every worker hashes its own segment right after filling it and the calling thread only
 * joins the segment hashes. Result: the last round's hash (in hex), the same in both variants.
 * {@code metric.serialMillis} is the time the calling thread spent in the serial phases, after
 * the workers had finished. Stateless;
 * see {@link Demo}.
 */
public final class AmdahlDemo implements Demo {

    /** Rounds at scale 1. */
    public static final long DEFAULT_ROUNDS = 12L;
    /** Elements of the array filled and hashed every round. */
    public static final int ELEMENTS = 1 << 23;
    /** SplitMix64 rounds per element of the parallel phase. */
    public static final int STEPS = 6;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "amdahl";
    }

    @Override
    public String description() {
        return "rounds of parallel work, each followed by a hash of its output on the calling thread alone"
                + " (fixed: each worker hashes its own segment)";
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.of("SERIAL_SECTION", "main", "paragent.demo.amdahl.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long rounds = config.scaled(DEFAULT_ROUNDS);
        int threads = config.threads();
        boolean hashInWorkers = config.variant() == Variant.FIXED;
        long[] values = new long[ELEMENTS];
        ThreadPoolExecutor pool = Workers.newPool(name(), threads);
        try {
            long seed = 0;
            long serialNanos = 0;
            long startNanos = System.nanoTime();
            for (long round = 0; round < rounds; round++) {
                long[] segmentHashes = fillInParallel(pool, values, seed, threads, hashInWorkers);
                long serialStart = System.nanoTime();
                seed = hashInWorkers
                        ? joinSegmentHashes(segmentHashes)
                        : PolynomialHash.of(values, 0, values.length);
                serialNanos += System.nanoTime() - serialStart;
            }
            long wallNanos = System.nanoTime() - startNanos;
            Map<String, String> metrics = new LinkedHashMap<>();
            metrics.put("rounds", Long.toString(rounds));
            metrics.put("serialMillis", Long.toString(serialNanos / 1_000_000L));
            return new DemoResult(wallNanos, Long.toHexString(seed), metrics);
        } finally {
            Workers.stop(pool);
        }
    }

    /**
     * The parallel phase: one task per worker fills its segment, and hashes it if asked; returns
     * once all are done, with the segment hashes (zeros when not asked).
     */
    private static long[] fillInParallel(ThreadPoolExecutor pool, long[] values, long seed, int threads,
            boolean hashSegment) throws InterruptedException {
        List<Future<Long>> segments = new ArrayList<>(threads);
        int from = 0;
        for (int segment = 0; segment < threads; segment++) {
            int lo = from;
            int hi = lo + (int) Workers.shareOf(values.length, threads, segment);
            segments.add(pool.submit(() -> {
                fill(values, lo, hi, seed);
                return hashSegment ? PolynomialHash.of(values, lo, hi) : 0L;
            }));
            from = hi;
        }
        long[] hashes = new long[threads];
        for (int segment = 0; segment < threads; segment++) {
            hashes[segment] = Workers.join(segments.get(segment));
        }
        return hashes;
    }

    /** The fix's serial phase: joins the workers' segment hashes in order. */
    private static long joinSegmentHashes(long[] segmentHashes) {
        long hash = 0;
        for (int segment = 0; segment < segmentHashes.length; segment++) {
            long length = Workers.shareOf(ELEMENTS, segmentHashes.length, segment);
            hash = PolynomialHash.join(hash, segmentHashes[segment], length);
        }
        return hash;
    }

    private static void fill(long[] values, int from, int to, long seed) {
        for (int i = from; i < to; i++) {
            long z = seed ^ i;
            for (int step = 0; step < STEPS; step++) {
                z += GOLDEN_GAMMA;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
            }
            values[i] = z;
        }
    }
}
