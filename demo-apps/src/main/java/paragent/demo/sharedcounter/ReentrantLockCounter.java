package paragent.demo.sharedcounter;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The planted bottleneck of {@code shared-counter} with {@code --lock reentrant}: the same counter
 * as {@link SharedCounter}, guarded by one non-fair {@link ReentrantLock}, so waiting threads park
 * (the diagnosis must name {@code java.util.concurrent.locks.ReentrantLock}).
 *
 * <p>Thread-safe. When built to measure, it also sums the time every {@code lock()} call took,
 * as measured by {@link System#nanoTime()} around it; otherwise it pays nothing for that.
 */
final class ReentrantLockCounter implements Counter {

    private final ReentrantLock lock = new ReentrantLock();
    private final int criticalSteps;
    /** Null unless measuring. */
    private final LongAdder lockWaitNanos;
    private long count;
    private long state = 1;

    ReentrantLockCounter(int criticalSteps, boolean measureLockWait) {
        this.criticalSteps = criticalSteps;
        this.lockWaitNanos = measureLockWait ? new LongAdder() : null;
    }

    @Override
    public long increment(long workerState) {
        if (lockWaitNanos != null) {
            return timedIncrement(workerState);
        }
        lock.lock();
        try {
            state = Mixer.mix(state + count, criticalSteps);
            count++;
        } finally {
            lock.unlock();
        }
        return workerState;
    }

    private long timedIncrement(long workerState) {
        long beforeNanos = System.nanoTime();
        lock.lock();
        long waitedNanos = System.nanoTime() - beforeNanos;
        try {
            state = Mixer.mix(state + count, criticalSteps);
            count++;
        } finally {
            lock.unlock();
        }
        lockWaitNanos.add(waitedNanos);
        return workerState;
    }

    @Override
    public long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Total nanoseconds spent in {@code lock()} so far, or -1 when not measuring. */
    long lockWaitNanos() {
        return lockWaitNanos == null ? -1 : lockWaitNanos.sum();
    }
}
