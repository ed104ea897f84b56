package paragent.analyzer.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.HdrHistogram.Histogram;
import paragent.analyzer.model.LockKey;

/**
 * Raw facts about one lock, accumulated while the recording is read: each wait is added to the
 * totals per waiting site, waiter and holder at once, so memory grows with the sites and threads,
 * not with the waits. Only waits with a known holder keep their interval (for what the holder ran
 * meanwhile), within the loader's {@link RetentionCaps}. Mutable; confined to the loading thread.
 */
final class LockData {

    /** A holder and the application frame its waiters waited at. */
    record HolderSite(long holderId, String site) {
        // Written out: looked up once per wait, and a record's generated equals is slower on JDK 17.
        @Override
        public boolean equals(Object o) {
            return o instanceof HolderSite h && holderId == h.holderId && Objects.equals(site, h.site);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(holderId) + Objects.hashCode(site);
        }
    }

    /**
     * Where an execution sample of a thread spinning for a monitor is taken: its top application
     * frame ({@code pkg.Class.method(File.java:line)}) and its top method ({@code pkg.Class.method}).
     */
    record SpinPosition(String topApplicationFrame, String topMethod) {
    }

    /** The site of waits whose application frame is unknown. */
    static final String UNKNOWN_SITE = "(unknown frame)";
    /** At most this many spin positions are kept per site; more are not looked for. */
    static final int MAX_SPIN_POSITIONS_PER_SITE = 8;

    final LockKey key;
    private final RetentionCaps caps;

    /** Waits from duration events (jdk.JavaMonitorEnter, paragent.LockWait, jdk.ThreadPark): count and nanos. */
    long waits;
    long waitNanos;
    final Histogram eventWaitNanos = new Histogram(3);
    /** Per waiting site, in the order first seen: [waits, nanos]. */
    final Map<String, long[]> sites = new LinkedHashMap<>();
    /**
     * Monitors: per waiting site, where a thread spinning for the monitor there is sampled: at the
     * site, on top of the method that entered the monitor (the top of the waits' stacks: the site's
     * own method for {@code synchronized} in the application, a library method, e.g. a class
     * loader's, when the monitor is taken in a call); and, for a {@code synchronized} method called
     * from application code, at the line that calls it, where the compiler enters the monitor of
     * an inlined synchronized method.
     */
    final Map<String, Set<SpinPosition>> spinPositions = new HashMap<>();
    /** Per waiting thread id, in the order first seen: [waits, nanos]. */
    final Map<Long, long[]> byWaiter = new LinkedHashMap<>();
    /** Per holder thread id, in the order first seen: the waits it caused. */
    final Map<Long, Long> byHolder = new LinkedHashMap<>();
    /** The [start, end] intervals of the waits with a holder, per holder and site (null site: unknown). */
    final Map<HolderSite, ThreadData.LongPairs> holderWaits = new LinkedHashMap<>();

    /** Exact totals from paragent.LockSummary, when recorded. */
    boolean hasSummary;
    long summaryWaits;
    long summaryWaitNanos;
    long summaryMaxWaitNanos;
    final Histogram summaryWaitNanosHistogram = new Histogram(3);

    /** Holder thread names by id, as recorded on the waits. */
    final Map<Long, String> holderNames = new HashMap<>();

    LockData(LockKey key, RetentionCaps caps) {
        this.key = key;
        this.caps = caps;
    }

    /**
     * @param holderId the thread holding the lock, 0 when unknown
     * @param site the waiter's application frame, null when unknown
     */
    void addWait(long waiterId, long startNanos, long endNanos, long holderId, String site) {
        long nanos = Math.max(0, endNanos - startNanos);
        waits++;
        waitNanos += nanos;
        eventWaitNanos.recordValue(nanos);
        add(sites.computeIfAbsent(site == null ? UNKNOWN_SITE : site, s -> new long[2]), nanos);
        add(byWaiter.computeIfAbsent(waiterId, id -> new long[2]), nanos);
        if (holderId != 0) {
            byHolder.merge(holderId, 1L, Long::sum);
            holderWaits.computeIfAbsent(new HolderSite(holderId, site), h -> new ThreadData.LongPairs(caps))
                    .add(startNanos, endNanos);
        }
    }

    /**
     * A monitor wait: as {@link #addWait(long, long, long, long, String)}, with what tells where a
     * thread spinning for the monitor is sampled ({@link #spinPositions}).
     *
     * @param enteringMethod the method on top of the wait's stack, {@code pkg.Class.method}; null
     *     when the wait has no stack
     * @param synchronizedMethodCaller the application line calling the {@code synchronized} method
     *     on top of the wait's stack, null when there is none
     */
    void addMonitorWait(long waiterId, long startNanos, long endNanos, long holderId, String site,
                        String enteringMethod, String synchronizedMethodCaller) {
        addWait(waiterId, startNanos, endNanos, holderId, site);
        if (site == null || enteringMethod == null) {
            return;
        }
        Set<SpinPosition> positions = spinPositions.computeIfAbsent(site, s -> new HashSet<>());
        if (positions.size() < MAX_SPIN_POSITIONS_PER_SITE) {
            positions.add(new SpinPosition(site, enteringMethod));
        }
        if (synchronizedMethodCaller != null && positions.size() < MAX_SPIN_POSITIONS_PER_SITE) {
            positions.add(new SpinPosition(synchronizedMethodCaller, Frames.methodOf(synchronizedMethodCaller)));
        }
    }

    private static void add(long[] countAndNanos, long nanos) {
        countAndNanos[0]++;
        countAndNanos[1] += nanos;
    }
}
