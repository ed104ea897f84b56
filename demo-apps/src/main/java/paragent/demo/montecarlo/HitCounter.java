package paragent.demo.montecarlo;

/**
 * The planted bottleneck of {@code montecarlo}: one hit counter shared by all workers, incremented
 * under this object's monitor for every point that falls inside the quarter circle.
 *
 * <p>Thread-safe: all access synchronizes on {@code this}, the contended monitor the diagnosis must
 * name ({@code paragent.demo.montecarlo.HitCounter}).
 */
public final class HitCounter {

    private long hits;

    /** Counts one hit. */
    public synchronized void increment() {
        hits++;
    }

    /** The hits counted so far. */
    public synchronized long hits() {
        return hits;
    }
}
