package paragent.agent.recording;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The latest measured value of one quantity of an {@link ExecutorLane} (a run time, a queue wait),
 * held for the events after it that were not measured, and how many of those are waiting to be
 * recorded at that value ("sample and hold"). Recording them as a batch, with one
 * {@code recordValueWithCount}, is what spares the unmeasured events a histogram write.
 *
 * <p>Concurrency: {@link #hold} and {@link #set} are called by the lane's writer (several threads in
 * the overflow lane, hence {@code shared}); {@link #flushInto} by the writer, into its active
 * histogram, and by the emitting thread, into the histogram it has just swapped out, so that the
 * events held at the end of an interval are counted in it. A compare-and-set on {@link #flushed}
 * decides which of the two records a batch, so each held event is recorded exactly once. The value
 * read with a batch is the one the events were held at: the writer sets a new value only after
 * flushing the batch held at the old one.
 */
final class HeldValue {

    /** No value measured yet; events are not held until one is. */
    static final long NONE = -1;

    private volatile long value = NONE;
    /** Events held since the lane began, and of those, how many have been recorded. */
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong flushed = new AtomicLong();
    private final boolean shared;

    HeldValue(boolean shared) {
        this.shared = shared;
    }

    /** The value held, or {@link #NONE}. */
    long value() {
        return value;
    }

    /** One event is to be recorded at the held value; ignored while there is none. */
    void hold() {
        if (value == NONE) {
            return;
        }
        if (shared) {
            held.incrementAndGet();
        } else {
            held.lazySet(held.get() + 1);
        }
    }

    /** Holds {@code nanos} from now on; flush the events held at the previous value first. */
    void set(long nanos) {
        value = nanos;
    }

    /**
     * Records the held events not yet recorded into {@code histogram}.
     *
     * @return the total of the values recorded
     */
    long flushInto(Histogram histogram) {
        long done = flushed.get();
        long pending = held.get();
        long nanos = value;
        if (pending <= done || nanos == NONE || !flushed.compareAndSet(done, pending)) {
            return 0;
        }
        histogram.recordValueWithCount(nanos, pending - done);
        return nanos * (pending - done);
    }
}
