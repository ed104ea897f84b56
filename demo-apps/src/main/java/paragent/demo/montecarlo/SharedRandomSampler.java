package paragent.demo.montecarlo;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The {@code --shared random} bottleneck: every worker draws its points from one shared
 * {@link Random} and counts its hits locally, as code that shares one generator "because it is
 * thread-safe" does. The demo takes no lock: {@code Random} advances its seed with a
 * compare-and-set loop, so with several threads the seed's cache line moves between cores on every
 * draw and failed compare-and-sets retry; each point costs more CPU time than on one thread.
 *
 * <p>The block's own generator is ignored, so the estimate depends on how the workers' draws
 * interleave, not only on the seed. Thread-safe (through {@code Random}'s own atomicity).
 */
final class SharedRandomSampler implements Sampler {

    private final Random random;

    SharedRandomSampler(long seed) {
        random = new Random(seed);
    }

    @Override
    public long sampleBlock(SplittableRandom blockRandom, long samples) {
        long hits = 0;
        for (long i = 0; i < samples; i++) {
            if (Sampler.isHit(random.nextDouble(), random.nextDouble())) {
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
