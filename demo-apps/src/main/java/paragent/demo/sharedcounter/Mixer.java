package paragent.demo.sharedcounter;

/**
 * The unit of real CPU work in this demo: a chain of multiply/xor-shift steps the JIT cannot fold
 * away, each step depending on the previous one (about 1–2 ns a step on current x86 cores).
 * Stateless and thread-safe.
 */
final class Mixer {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Mixer() {
    }

    /** Mixes {@code value} {@code steps} times; {@code steps} = 0 returns it unchanged. */
    static long mix(long value, int steps) {
        long x = value;
        for (int i = 0; i < steps; i++) {
            x ^= x >>> 31;
            x *= GOLDEN_GAMMA;
        }
        return x;
    }
}
