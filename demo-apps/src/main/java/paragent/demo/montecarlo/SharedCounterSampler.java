package paragent.demo.montecarlo;

import java.util.SplittableRandom;

/**
 * The bottleneck variant: points come from the block's own generator, but every hit increments
 * one shared {@link HitCounter}. Thread-safe.
 */
final class SharedCounterSampler implements Sampler {

    private final HitCounter counter = new HitCounter();

    @Override
    public long sampleBlock(SplittableRandom blockRandom, long samples) {
        for (long i = 0; i < samples; i++) {
            if (Sampler.isHit(blockRandom.nextDouble(), blockRandom.nextDouble())) {
                counter.increment();
            }
        }
        return 0;
    }

    @Override
    public long sharedHits() {
        return counter.hits();
    }
}
