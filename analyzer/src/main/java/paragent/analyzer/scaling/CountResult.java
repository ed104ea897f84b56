package paragent.analyzer.scaling;

/**
 * All runs at one thread count, summarized. Speedups are against the 1-thread median wall time.
 * Immutable.
 *
 * @param threads the thread count
 * @param runs how many runs were made at this count
 * @param wallSeconds median wall time
 * @param wallMinSeconds shortest run
 * @param wallMaxSeconds longest run
 * @param speedup median speedup ({@code T1 / T}); 1 at 1 thread
 * @param speedupMin speedup of the longest run
 * @param speedupMax speedup of the shortest run
 * @param efficiency {@code speedup / threads}
 * @param karpFlatt the Karp–Flatt experimentally determined serial fraction
 *     {@code (1/S − 1/N) / (1 − 1/N)}; null at 1 thread
 * @param stack the speedup stack of the representative (median) run
 */
public record CountResult(int threads, int runs, double wallSeconds, double wallMinSeconds, double wallMaxSeconds,
                          double speedup, double speedupMin, double speedupMax, double efficiency, Double karpFlatt,
                          SpeedupStack stack) {
}
