package paragent.demo.sharedcounter;

/**
 * The planted bottleneck of {@code shared-counter} with {@code --lock synchronized}: one counter
 * whose every increment holds this object's monitor while it mixes the shared state, like
 * {@code multiprocessing.Value} incremented under its lock in the seed example.
 *
 * <p>Thread-safe: all access synchronizes on {@code this}, which is the contended monitor the
 * diagnosis must name (its class, {@code paragent.demo.sharedcounter.SharedCounter}).
 */
public final class SharedCounter implements Counter {

    private final int criticalSteps;
    private long count;
    private long state = 1;

    /** A counter at zero whose increments each do {@code criticalSteps} mixing steps under the lock. */
    SharedCounter(int criticalSteps) {
        this.criticalSteps = criticalSteps;
    }

    @Override
    public synchronized long increment(long workerState) {
        state = Mixer.mix(state + count, criticalSteps);
        count++;
        return workerState;
    }

    @Override
    public synchronized long count() {
        return count;
    }

    /** The mixed shared state: depends only on the number of increments, not on their order. */
    synchronized long state() {
        return state;
    }
}
