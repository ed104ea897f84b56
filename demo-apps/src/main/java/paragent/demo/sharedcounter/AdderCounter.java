package paragent.demo.sharedcounter;

import java.util.concurrent.atomic.LongAdder;

/**
 * The fixed variant of {@code shared-counter}: a {@link LongAdder}, whose striped cells let
 * threads increment without a lock; the critical work runs on the caller's own state.
 * Thread-safe; {@link #count()} is exact once the incrementing threads have finished.
 */
final class AdderCounter implements Counter {

    private final LongAdder count = new LongAdder();
    private final int criticalSteps;

    AdderCounter(int criticalSteps) {
        this.criticalSteps = criticalSteps;
    }

    @Override
    public long increment(long workerState) {
        count.increment();
        return Mixer.mix(workerState, criticalSteps);
    }

    @Override
    public long count() {
        return count.sum();
    }
}
