package paragent.agent.recording;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import paragent.agent.bootstrap.SerializationSummaryEvent;
import paragent.agent.internal.Log;

/**
 * Aggregates top-level serialization calls per (direction, class, thread, channel) and writes
 * them as {@link SerializationSummaryEvent}s. The channel of a call is the one most of its channel
 * bytes went to (0 when none), so each row's {@code channelId} is exact for its calls.
 *
 * <p>Concurrency: {@link #record} is called by application threads at the end of their call (a
 * {@link ConcurrentHashMap} lookup, an insert on first sight of a key); {@link #emit} by the flush
 * thread and JFR's periodic thread, serialized on a private monitor. Memory is bounded: at most
 * {@link #MAX_KEYS} keys, kept for the run; calls with a further key are not counted (one line on
 * stderr says so).
 */
final class SerializationAggregator {

    /** Distinct (direction, class, thread, channel) keys at most. */
    static final int MAX_KEYS = 4_096;
    /** A thread's first call, a key's first calls until one has a site, and one in this many have their site sampled; a power of two. */
    static final int SITE_SAMPLE_PERIOD = 64;

    private final Map<Key, Stats> stats = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Object emitLock = new Object();

    void record(boolean write, Object object, Call call) {
        long nanos = System.nanoTime() - call.beginNanos;
        String className = object != null ? object.getClass().getName() : null;
        Key key = new Key(write, className, Thread.currentThread().getId(), call.mainChannel());
        Stats entry = stats.get(key);
        if (entry == null) {
            if (stats.size() >= MAX_KEYS) {
                if (refusals.getAndIncrement() == 0) {
                    Log.line("more than " + MAX_KEYS + " serialized classes and threads; further ones are not counted");
                }
                return;
            }
            entry = stats.computeIfAbsent(key, k -> new Stats());
        }
        entry.objects.increment();
        entry.nanos.add(nanos);
        entry.channelNanos.add(call.channelNanos);
        entry.channelBytes.add(call.channelBytes);
        if ((call.calls++ & (SITE_SAMPLE_PERIOD - 1)) == 0 || entry.site == null) {
            String site = Sites.firstApplicationFrame();
            if (site != null) {
                entry.site = site;
            }
        }
    }

    void emit() {
        synchronized (emitLock) {
            for (Map.Entry<Key, Stats> entry : stats.entrySet()) {
                Stats value = entry.getValue();
                long objects = value.objects.sumThenReset();
                if (objects == 0) {
                    continue;
                }
                Key key = entry.getKey();
                SerializationSummaryEvent event = new SerializationSummaryEvent();
                event.direction = key.write ? "write" : "read";
                event.className = key.className;
                event.javaThreadId = key.javaThreadId;
                event.channelId = key.channelId;
                event.objects = objects;
                event.nanos = value.nanos.sumThenReset();
                event.channelNanos = value.channelNanos.sumThenReset();
                event.channelBytes = value.channelBytes.sumThenReset();
                event.site = value.site;
                event.commit();
            }
        }
    }

    /**
     * One thread's top-level serialization call in progress and the channel I/O done inside it;
     * touched only by its thread. Tracks the bytes of up to {@value #TRACKED} channels per call.
     */
    static final class Call {
        private static final int TRACKED = 4;
        private final long[] channelIds = new long[TRACKED];
        private final long[] bytes = new long[TRACKED];
        long beginNanos;
        long channelNanos;
        long channelBytes;
        int calls;

        void begin() {
            java.util.Arrays.fill(channelIds, 0);
            java.util.Arrays.fill(bytes, 0);
            channelNanos = 0;
            channelBytes = 0;
            beginNanos = System.nanoTime();
        }

        void channelIo(long channelId, long moved, long nanos) {
            channelNanos += nanos;
            channelBytes += moved;
            for (int i = 0; i < TRACKED; i++) {
                if (channelIds[i] == channelId || channelIds[i] == 0) {
                    channelIds[i] = channelId;
                    bytes[i] += moved;
                    return;
                }
            }
        }

        long mainChannel() {
            long best = 0;
            long bestBytes = -1;
            for (int i = 0; i < TRACKED && channelIds[i] != 0; i++) {
                if (bytes[i] > bestBytes) {
                    best = channelIds[i];
                    bestBytes = bytes[i];
                }
            }
            return best;
        }
    }

    private static final class Key {
        final boolean write;
        final String className;
        final long javaThreadId;
        final long channelId;

        Key(boolean write, String className, long javaThreadId, long channelId) {
            this.write = write;
            this.className = className;
            this.javaThreadId = javaThreadId;
            this.channelId = channelId;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key other = (Key) o;
            return write == other.write && javaThreadId == other.javaThreadId && channelId == other.channelId
                    && Objects.equals(className, other.className);
        }

        @Override
        public int hashCode() {
            return Objects.hash(write, className, javaThreadId, channelId);
        }
    }

    private static final class Stats {
        final LongAdder objects = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder channelNanos = new LongAdder();
        final LongAdder channelBytes = new LongAdder();
        volatile String site;
    }
}
