package paragent.demo.montecarlo;

import java.util.SplittableRandom;

/**
 * How a variant of {@code montecarlo} draws points and counts hits; the seam where variants
 * differ.
 *
 * <p>Implementations are used by all workers at once and must be thread-safe.
 */
interface Sampler {

    /**
     * Draws {@code samples} points in the unit square for one block of work and counts those
     * inside the quarter circle.
     *
     * @param blockRandom the block's own generator, used by this call only (a sampler with a
     *     generator of its own ignores it)
     * @return the hits this call did not record in shared state
     */
    long sampleBlock(SplittableRandom blockRandom, long samples);

    /** Hits recorded in shared state; read once all workers have finished. */
    long sharedHits();

    /** Whether the point lies inside the quarter circle of radius 1. */
    static boolean isHit(double x, double y) {
        return x * x + y * y <= 1.0;
    }
}
