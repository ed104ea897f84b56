package paragent.agent.recording;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import paragent.agent.bootstrap.SerializationSummaryEvent;
import paragent.agent.internal.Log;

/**
 * Aggregates top-level serialization calls per (direction, class, thread, channel) and writes
 * them as {@link SerializationSummaryEvent}s. The channel of a call is the one most of its channel
 * bytes went to (0 when none), so each row's {@code channelId} is exact for its calls.
 *
 * <p>A row belongs to one thread, so it is written by that thread alone: plain counters published
 * with ordered stores, read by the emitter, which keeps their previous values. Each thread finds
 * its rows through a small cache in its {@link Call} (matched by the class name's identity, as
 * {@code Class.getName()} returns the same string each time), so a call allocates nothing and
 * touches the shared map only for a new row. The site is sampled with a stack walk (several
 * microseconds) on a thread's first call, on a row's first {@value #SITE_TRIES} calls until one
 * is found, and on one call in {@value #SITE_SAMPLE_PERIOD} of the thread.
 *
 * <p>Concurrency: {@link #record} is called by application threads at the end of their call;
 * {@link #emit} by the flush thread and JFR's periodic thread, serialized on a private monitor.
 * Memory is bounded: at most {@link #MAX_KEYS} rows, kept for the run; calls with a further key are
 * not counted (one line on stderr says so).
 */
final class SerializationAggregator {

    /** Distinct (direction, class, thread, channel) keys at most. */
    static final int MAX_KEYS = 4_096;
    /** One call in this many (per thread) has its site sampled; a power of two. */
    static final int SITE_SAMPLE_PERIOD = 1024;
    /** Calls of a row that look for its site until one is found. */
    static final int SITE_TRIES = 4;

    private final Map<Key, Row> rows = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Object emitLock = new Object();

    void record(boolean write, Object object, Call call) {
        long nanos = System.nanoTime() - call.beginNanos;
        String className = object != null ? object.getClass().getName() : null;
        long channelId = call.mainChannel();
        Row row = call.cached(write, className, channelId);
        if (row == null) {
            row = rowFor(write, className, channelId);
            if (row == null) {
                return;
            }
            call.cache(write, className, channelId, row);
        }
        row.add(nanos, call.channelNanos, call.channelBytes);
        if ((call.calls++ & (SITE_SAMPLE_PERIOD - 1)) == 0 || (row.site == null && row.siteTries++ < SITE_TRIES)) {
            String site = Sites.firstApplicationFrame();
            if (site != null) {
                row.site = site;
            }
        }
    }

    private Row rowFor(boolean write, String className, long channelId) {
        Key key = new Key(write, className, Thread.currentThread().getId(), channelId);
        Row row = rows.get(key);
        if (row != null) {
            return row;
        }
        if (rows.size() >= MAX_KEYS) {
            if (refusals.getAndIncrement() == 0) {
                Log.line("more than " + MAX_KEYS + " serialized classes and threads; further ones are not counted");
            }
            return null;
        }
        return rows.computeIfAbsent(key, k -> new Row());
    }

    void emit() {
        synchronized (emitLock) {
            for (Map.Entry<Key, Row> entry : rows.entrySet()) {
                Row row = entry.getValue();
                long objects = row.delta(Row.OBJECTS);
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
                event.nanos = row.delta(Row.NANOS);
                event.channelNanos = row.delta(Row.CHANNEL_NANOS);
                event.channelBytes = row.delta(Row.CHANNEL_BYTES);
                event.site = row.site;
                event.commit();
            }
        }
    }

    /**
     * One thread's top-level serialization call in progress and the channel I/O done inside it,
     * and the thread's last {@value #CACHED} rows; touched only by its thread. Tracks the bytes of up
     * to {@value #TRACKED} channels per call.
     */
    static final class Call {
        private static final int TRACKED = 4;
        private static final int CACHED = 4;
        private final long[] channelIds = new long[TRACKED];
        private final long[] bytes = new long[TRACKED];
        private final boolean[] cachedWrites = new boolean[CACHED];
        private final String[] cachedNames = new String[CACHED];
        private final long[] cachedChannels = new long[CACHED];
        private final Row[] cachedRows = new Row[CACHED];
        private int nextCached;
        long beginNanos;
        long channelNanos;
        long channelBytes;
        int calls;

        void begin() {
            Arrays.fill(channelIds, 0);
            Arrays.fill(bytes, 0);
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

        /** The cached row of (write, class name by identity, channel), or null. */
        Row cached(boolean write, String className, long channelId) {
            for (int i = 0; i < CACHED; i++) {
                if (cachedNames[i] == className && cachedWrites[i] == write && cachedChannels[i] == channelId
                        && cachedRows[i] != null) {
                    return cachedRows[i];
                }
            }
            return null;
        }

        void cache(boolean write, String className, long channelId, Row row) {
            cachedWrites[nextCached] = write;
            cachedNames[nextCached] = className;
            cachedChannels[nextCached] = channelId;
            cachedRows[nextCached] = row;
            nextCached = (nextCached + 1) % CACHED;
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

    /**
     * One row's totals. Written by its one thread (plain increments published with ordered stores);
     * {@link #delta} and the previous values belong to the emitting thread.
     */
    private static final class Row {
        static final int OBJECTS = 0;
        static final int NANOS = 1;
        static final int CHANNEL_NANOS = 2;
        static final int CHANNEL_BYTES = 3;

        private final AtomicLongArray totals = new AtomicLongArray(4);
        private final long[] emitted = new long[4];
        volatile String site;
        /** Calls that looked for the site; writer only. */
        int siteTries;

        void add(long nanos, long channelNanos, long channelBytes) {
            increase(OBJECTS, 1);
            increase(NANOS, nanos);
            increase(CHANNEL_NANOS, channelNanos);
            increase(CHANNEL_BYTES, channelBytes);
        }

        private void increase(int total, long delta) {
            totals.lazySet(total, totals.get(total) + delta);
        }

        /** The growth of {@code total} since the previous call. */
        long delta(int total) {
            long now = totals.get(total);
            long delta = now - emitted[total];
            emitted[total] = now;
            return delta;
        }
    }
}
