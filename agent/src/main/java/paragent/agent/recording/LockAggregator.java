package paragent.agent.recording;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import paragent.agent.bootstrap.LockNames;
import paragent.agent.bootstrap.LockSummaryEvent;
import paragent.agent.bootstrap.LockWaitSink;

/**
 * Aggregates every contended {@code java.util.concurrent} acquisition per synchronizer into an
 * HdrHistogram, and writes the interval's totals as {@link LockSummaryEvent}s.
 *
 * <p>Concurrency: {@link #record} is called by application threads at once and is wait-free
 * apart from the first sight of a synchronizer (a {@link ConcurrentHashMap} insert); it never
 * takes a lock the application can see. {@link #emit} is called by the agent's sampler thread and
 * JFR's periodic thread and is serialized on a private monitor. Memory is bounded: at most
 * {@link #MAX_LOCKS} synchronizers are tracked one by one, the rest share one entry per class.
 */
final class LockAggregator implements LockWaitSink {

    /** Synchronizers tracked individually; beyond this, waits are pooled per class. */
    static final int MAX_LOCKS = 1_000;
    /** Histogram precision: 2 significant digits (1%) keeps each histogram a few KiB. */
    private static final int SIGNIFICANT_DIGITS = 2;
    /** lockId of the pooled entry of a class whose synchronizers exceeded {@link #MAX_LOCKS}. */
    private static final int POOLED_ID = 0;

    private final Map<Key, Stats> locks = new ConcurrentHashMap<>();
    private final Object emitLock = new Object();

    @Override
    public void record(Object sync, boolean shared, long waitNanos) {
        try {
            Class<?> syncClass = sync.getClass();
            Key key = new Key(syncClass, System.identityHashCode(sync), shared);
            Stats stats = locks.get(key);
            if (stats == null) {
                if (locks.size() >= MAX_LOCKS) {
                    key = new Key(syncClass, POOLED_ID, shared);
                }
                stats = locks.computeIfAbsent(key, k -> new Stats());
            }
            stats.recorder.recordValue(Math.max(1, waitNanos));
            stats.waitNanos.add(waitNanos);
        } catch (Throwable t) {
            // A wait we cannot count must not disturb the waiter.
        }
    }

    /** Writes one summary event per synchronizer that had waits since the previous call. */
    void emit() {
        synchronized (emitLock) {
            for (Map.Entry<Key, Stats> entry : locks.entrySet()) {
                Stats stats = entry.getValue();
                stats.interval = stats.recorder.getIntervalHistogram(stats.interval);
                Histogram interval = stats.interval;
                if (interval.getTotalCount() == 0) {
                    continue;
                }
                Key key = entry.getKey();
                LockSummaryEvent event = new LockSummaryEvent();
                event.lockClass = LockNames.lockClassOf(key.syncClass);
                event.syncClass = key.syncClass.getName();
                event.lockId = key.lockId;
                event.shared = key.shared;
                event.waits = interval.getTotalCount();
                event.waitNanos = stats.waitNanos.sumThenReset();
                event.maxWaitNanos = interval.getMaxValue();
                event.histogram = encode(interval);
                event.commit();
            }
        }
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    private static final class Key {
        final Class<?> syncClass;
        final int lockId;
        final boolean shared;

        Key(Class<?> syncClass, int lockId, boolean shared) {
            this.syncClass = syncClass;
            this.lockId = lockId;
            this.shared = shared;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key other = (Key) o;
            return lockId == other.lockId && shared == other.shared && syncClass == other.syncClass;
        }

        @Override
        public int hashCode() {
            return (syncClass.hashCode() * 31 + lockId) * 2 + (shared ? 1 : 0);
        }
    }

    private static final class Stats {
        final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
        final LongAdder waitNanos = new LongAdder();
        /** Recycled between emits; touched only under emitLock. */
        Histogram interval;
    }
}
