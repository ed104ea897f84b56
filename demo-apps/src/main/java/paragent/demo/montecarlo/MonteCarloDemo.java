package paragent.demo.montecarlo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code montecarlo}, after the seed's {@code monte_carlo.py}: estimates π from the share of
 * random points in the unit square that fall inside the quarter circle.
 *
 * <p>The samples ({@value #DEFAULT_SAMPLES} × scale) are cut into {@value #BLOCKS} blocks, each
 * with its own {@link SplittableRandom} split in block order from one root seeded by
 * {@code --seed}; worker {@code i} of {@code N} takes blocks {@code i, i+N, ...}. So the estimate
 * depends only on the seed and the scale: not on the thread count, and not on the variant.
 * Bottleneck ({@code --shared counter}, the default): every hit increments one shared synchronized
 * {@link HitCounter} (LOCK_CONTENTION). Fixed: local counts combined at the end. Result: the
 * estimate of π. Stateless; see {@link Demo}.
 *
 * <p>{@code --shared random}, one generator for the whole program: the bottleneck's workers draw
 * all their points ({@value #DEFAULT_SHARED_RANDOM_SAMPLES} × scale) from one
 * {@link java.util.Random} seeded by {@code --seed} and count hits locally; the demo holds no lock.
 * Random's compare-and-set on its seed makes each draw cost more CPU time with more threads: the
 * cause only a comparison with the 1-thread run shows (CPU_TIME_INFLATION under
 * {@code paragent scale}). Its estimate depends on how the workers' draws interleave, so it is
 * the same for a seed only at 1 thread. The fixed variant draws the same number of points its
 * usual way.
 */
public final class MonteCarloDemo implements Demo {

    /** Points drawn at scale 1. */
    public static final long DEFAULT_SAMPLES = 30_000_000L;
    /** Blocks of samples, each with its own generator; fixed so results do not depend on threads. */
    public static final int BLOCKS = 256;
    /** Seed of the root generator. */
    public static final long DEFAULT_SEED = 20240601L;

    /**
     * Points drawn at scale 1 with {@code --shared random}: a point costs four compare-and-sets on the
     * shared generator's seed (~25 ns on one thread), so one thread draws for 2–4 s.
     */
    public static final long DEFAULT_SHARED_RANDOM_SAMPLES = 90_000_000L;

    static final DemoOption SEED = DemoOption.longOption("seed", DEFAULT_SEED, "seed of the root random generator");
    static final String SHARED_RANDOM = "random";
    static final DemoOption SHARED = DemoOption.choice("shared",
            "what the bottleneck's workers share: the synchronized hit counter, or one java.util.Random",
            "counter", SHARED_RANDOM);

    private static final String WHERE_PREFIX = "paragent.demo.montecarlo.";
    private static final ExpectedFinding HIT_COUNTER_CONTENTION =
            ExpectedFinding.lockContention("paragent.demo.montecarlo.HitCounter", WHERE_PREFIX);
    private static final ExpectedFinding RANDOM_INFLATION =
            ExpectedFinding.of("CPU_TIME_INFLATION", "java.util.Random", WHERE_PREFIX);

    @Override
    public String name() {
        return "montecarlo";
    }

    @Override
    public String description() {
        return "estimates pi by random sampling; every hit increments one synchronized counter, or with"
                + " --shared random all workers draw from one java.util.Random (fixed: a generator per block,"
                + " local counts)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(SEED, SHARED);
    }

    /**
     * LOCK_CONTENTION on the {@link HitCounter}; with {@code --shared random} CPU_TIME_INFLATION in
     * {@code java.util.Random}, which only a scaling analysis can find (a single run has no 1-thread
     * baseline), so it is also this demo's {@link #expectedScaling}.
     */
    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return sharesRandom(config) ? RANDOM_INFLATION : HIT_COUNTER_CONTENTION;
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long samples = config.scaled(sharesRandom(config) ? DEFAULT_SHARED_RANDOM_SAMPLES : DEFAULT_SAMPLES);
        int blocks = (int) Math.min(BLOCKS, samples);
        SplittableRandom root = new SplittableRandom(SEED.longValue(config));
        SplittableRandom[] blockRandoms = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            blockRandoms[b] = root.split();
        }
        Sampler sampler = newSampler(config);
        int threads = config.threads();
        LongAdder localHits = new LongAdder();

        long wallNanos = Workers.runAll(name(), threads, index -> {
            long hits = 0;
            for (int b = index; b < blocks; b += threads) {
                hits += sampler.sampleBlock(blockRandoms[b], Workers.shareOf(samples, blocks, b));
            }
            localHits.add(hits);
        });

        long hits = localHits.sum() + sampler.sharedHits();
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("samples", Long.toString(samples));
        metrics.put("hits", Long.toString(hits));
        return new DemoResult(wallNanos, Double.toString(4.0 * hits / samples), metrics);
    }

    private static boolean sharesRandom(DemoConfig config) {
        return SHARED.value(config).equals(SHARED_RANDOM);
    }

    private static Sampler newSampler(DemoConfig config) {
        if (config.variant() == Variant.FIXED) {
            return new LocalCountSampler();
        }
        return sharesRandom(config) ? new SharedRandomSampler(SEED.longValue(config)) : new SharedCounterSampler();
    }
}
