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
 * Bottleneck: every hit increments one shared synchronized {@link HitCounter}. Fixed: local counts
 * combined at the end. Result: the estimate of π. Stateless; see {@link Demo}.
 */
public final class MonteCarloDemo implements Demo {

    /** Points drawn at scale 1. */
    public static final long DEFAULT_SAMPLES = 30_000_000L;
    /** Blocks of samples, each with its own generator; fixed so results do not depend on threads. */
    public static final int BLOCKS = 256;
    /** Seed of the root generator. */
    public static final long DEFAULT_SEED = 20240601L;

    static final DemoOption SEED = DemoOption.longOption("seed", DEFAULT_SEED, "seed of the root random generator");

    @Override
    public String name() {
        return "montecarlo";
    }

    @Override
    public String description() {
        return "estimates pi by random sampling; every hit increments one synchronized counter"
                + " (fixed: local counts)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(SEED);
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.lockContention("paragent.demo.montecarlo.HitCounter", "paragent.demo.montecarlo.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long samples = config.scaled(DEFAULT_SAMPLES);
        int blocks = (int) Math.min(BLOCKS, samples);
        SplittableRandom root = new SplittableRandom(SEED.longValue(config));
        SplittableRandom[] blockRandoms = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            blockRandoms[b] = root.split();
        }
        Sampler sampler = config.variant() == Variant.FIXED ? new LocalCountSampler() : new SharedCounterSampler();
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
}
