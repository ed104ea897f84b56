package paragent.demo.montecarlo;

import java.util.SplittableRandom;

/**
 * The fixed variant: each block counts its hits in a local variable, combined at the end.
 * Stateless and thread-safe.
 */
final class LocalCountSampler implements Sampler {

    @Override
    public long sampleBlock(SplittableRandom blockRandom, long samples) {
        long hits = 0;
        for (long i = 0; i < samples; i++) {
            if (Sampler.isHit(blockRandom.nextDouble(), blockRandom.nextDouble())) {
                hits++;
            }
        }
        return hits;
    }

    @Override
    public long sharedHits() {
        return 0;
    }
}
