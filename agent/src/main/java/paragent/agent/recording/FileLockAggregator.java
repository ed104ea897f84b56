package paragent.agent.recording;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import paragent.agent.bootstrap.FileLockSink;
import paragent.agent.bootstrap.FileLockSummaryEvent;

/**
 * Aggregates {@code FileChannel} lock acquisitions per (path, thread): call times into an
 * HdrHistogram, waits at or above the threshold, and hold times (acquisition to release or
 * channel close), written as {@link FileLockSummaryEvent}s.
 *
 * <p>Concurrency: {@link #locked} and {@link #released} are called by application threads (the
 * latter under the {@code FileLock}'s own monitor, which the application could hold: nothing here
 * waits) and use {@link ConcurrentHashMap}s only; {@link #emit} runs in the flush thread and JFR's
 * periodic thread, serialized on a private monitor. Memory is bounded: at most {@link #MAX_KEYS}
 * (path, thread) keys, further ones pooled under thread id -1 and path {@code (other)}; at most
 * {@link #MAX_HELD} locks held at once are timed, further holds are not.
 */
final class FileLockAggregator implements FileLockSink {

    /** (path, thread) pairs tracked one by one. */
    static final int MAX_KEYS = 1_000;
    /** Locks whose hold time is followed at once. */
    static final int MAX_HELD = 10_000;
    private static final int SIGNIFICANT_DIGITS = 2;
    private static final Key POOLED = new Key("(other)", -1);

    private final long waitThresholdNanos;
    private final Map<Key, Stats> stats = new ConcurrentHashMap<>();
    private final Map<Object, Held> held = new ConcurrentHashMap<>();
    private final Object emitLock = new Object();

    /** @param waitThresholdNanos a lock call at least this long counts as a wait */
    FileLockAggregator(long waitThresholdNanos) {
        this.waitThresholdNanos = waitThresholdNanos;
    }

    @Override
    public void locked(String path, Object lock, boolean blocking, long callNanos) {
        if (!blocking && lock == null) {
            return; // tryLock found it taken: not an acquisition
        }
        Stats entry = statsFor(new Key(path, Thread.currentThread().getId()));
        if (blocking) {
            entry.recorder.recordValue(Math.max(1, callNanos));
            entry.waitNanos.add(callNanos);
            if (callNanos >= waitThresholdNanos) {
                entry.waits.increment();
            }
        }
        if (lock != null) {
            entry.acquisitions.increment();
            if (held.size() < MAX_HELD) {
                held.put(new IdentityKey(lock), new Held(entry, System.nanoTime()));
            }
        }
    }

    @Override
    public void released(Object lock) {
        Held hold = held.remove(new IdentityKey(lock));
        if (hold != null) {
            hold.stats.holdNanos.add(System.nanoTime() - hold.acquiredNanos);
        }
    }

    void emit() {
        synchronized (emitLock) {
            for (Map.Entry<Key, Stats> entry : stats.entrySet()) {
                Stats value = entry.getValue();
                long acquisitions = value.acquisitions.sumThenReset();
                value.interval = value.recorder.getIntervalHistogram(value.interval);
                long holdNanos = value.holdNanos.sumThenReset();
                if (acquisitions == 0 && value.interval.getTotalCount() == 0 && holdNanos == 0) {
                    continue;
                }
                FileLockSummaryEvent event = new FileLockSummaryEvent();
                event.path = entry.getKey().path;
                event.javaThreadId = entry.getKey().javaThreadId;
                event.acquisitions = acquisitions;
                event.waits = value.waits.sumThenReset();
                event.waitNanos = value.waitNanos.sumThenReset();
                event.holdNanos = holdNanos;
                event.histogram = encode(value.interval);
                event.commit();
            }
        }
    }

    private Stats statsFor(Key key) {
        Stats entry = stats.get(key);
        if (entry != null) {
            return entry;
        }
        return stats.computeIfAbsent(stats.size() >= MAX_KEYS ? POOLED : key, k -> new Stats());
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static final class Key {
        final String path;
        final long javaThreadId;

        Key(String path, long javaThreadId) {
            this.path = path;
            this.javaThreadId = javaThreadId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).javaThreadId == javaThreadId && Objects.equals(((Key) o).path, path);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(path) * 31 + Long.hashCode(javaThreadId);
        }
    }

    /** A {@code FileLock} as a map key by identity (its class does not override equals; this makes it certain). */
    private static final class IdentityKey {
        private final Object lock;

        IdentityKey(Object lock) {
            this.lock = lock;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey && ((IdentityKey) o).lock == lock;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(lock);
        }
    }

    private static final class Held {
        final Stats stats;
        final long acquiredNanos;

        Held(Stats stats, long acquiredNanos) {
            this.stats = stats;
            this.acquiredNanos = acquiredNanos;
        }
    }

    private static final class Stats {
        final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
        final LongAdder acquisitions = new LongAdder();
        final LongAdder waits = new LongAdder();
        final LongAdder waitNanos = new LongAdder();
        final LongAdder holdNanos = new LongAdder();
        /** Recycled between emits; touched only under emitLock. */
        Histogram interval;
    }
}
