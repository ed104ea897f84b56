package paragent.agent.recording;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One executor as the agent tracks it (or, beyond the aggregator's executor cap, all further
 * executors of one class): its id, its per-thread {@link ExecutorLane}s, its sampled submit sites
 * and the sampled submits waiting to run ({@link PendingSubmits}). Holds the executor only weakly, so that tracking never keeps a finished pool alive.
 *
 * <p>Concurrency: lanes and sites are added by application threads through concurrent maps;
 * {@link #drainInto} is called by the emitting thread only, under the aggregator's emit lock.
 * Bounded: at most {@link #MAX_LANES} lanes (beyond, threads share one overflow lane) and
 * {@link #MAX_SITES} distinct submit sites per interval (beyond, new sites are not counted).
 */
final class ExecutorStats {

    /** Threads with a lane of their own in one executor. */
    static final int MAX_LANES = 256;
    /** Distinct submit sites counted per executor and interval. */
    static final int MAX_SITES = 256;

    final long id;
    final String className;
    /** The executor, or null for a per-class pool of executors beyond the cap. */
    private final WeakReference<Object> executor;
    private final Map<Thread, ExecutorLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorLane overflow = new ExecutorLane(this, null);
    private final Map<String, LongAdder> sites = new ConcurrentHashMap<>();
    /** Sampled submits not started yet, for their queue wait. */
    final PendingSubmits pending = new PendingSubmits();

    ExecutorStats(long id, String className, Object executor) {
        this.id = id;
        this.className = className;
        this.executor = executor == null ? null : new WeakReference<>(executor);
    }

    /** The lane of {@code thread}, created on first use. */
    ExecutorLane laneFor(Thread thread) {
        ExecutorLane lane = lanes.get(thread);
        if (lane != null) {
            return lane;
        }
        if (lanes.size() >= MAX_LANES) {
            return overflow;
        }
        return lanes.computeIfAbsent(thread, t -> new ExecutorLane(this, t));
    }

    /** Counts one sampled submit from {@code site}. */
    void sampledSite(String site) {
        LongAdder count = sites.get(site);
        if (count == null) {
            if (sites.size() >= MAX_SITES) {
                return;
            }
            count = sites.computeIfAbsent(site, s -> new LongAdder());
        }
        count.increment();
    }

    /** Whether the executor has been garbage-collected (never for a per-class pool). */
    boolean collected() {
        return executor != null && executor.get() == null;
    }

    /**
     * Adds every lane's activity since the previous call into {@code interval}, forgets the lanes
     * of threads that have ended, and resets the submit sites.
     */
    void drainInto(Interval interval) {
        interval.reset();
        for (Iterator<ExecutorLane> it = lanes.values().iterator(); it.hasNext();) {
            ExecutorLane lane = it.next();
            drainLane(lane, interval);
            if (!lane.owner.isAlive()) {
                it.remove();
            }
        }
        drainLane(overflow, interval);
        for (Map.Entry<String, LongAdder> site : sites.entrySet()) {
            long count = site.getValue().sum();
            if (count > interval.siteCount) {
                interval.siteCount = count;
                interval.site = site.getKey();
            }
        }
        sites.clear();
    }

    private static void drainLane(ExecutorLane lane, Interval interval) {
        interval.tasks += delta(lane, ExecutorLane.TASKS);
        interval.runNanos += delta(lane, ExecutorLane.RUN_NANOS);
        interval.submits += delta(lane, ExecutorLane.SUBMITS);
        interval.submitNanos += delta(lane, ExecutorLane.SUBMIT_NANOS);
        lane.drain(interval.queueWait, interval.runTime);
    }

    private static long delta(ExecutorLane lane, int counter) {
        long now = lane.counters.get(counter);
        long delta = now - lane.lastCounters[counter];
        lane.lastCounters[counter] = now;
        return delta;
    }

    /**
     * One executor's totals for one interval; reused from executor to executor by the emitting
     * thread, so that emitting allocates no histograms in steady state. Not thread-safe.
     */
    static final class Interval {
        final Histogram queueWait = new Histogram(2);
        final Histogram runTime = new Histogram(2);
        long tasks;
        long runNanos;
        long submits;
        long submitNanos;
        String site;
        long siteCount;

        void reset() {
            queueWait.reset();
            runTime.reset();
            tasks = 0;
            runNanos = 0;
            submits = 0;
            submitNanos = 0;
            site = null;
            siteCount = 0;
        }

        boolean active() {
            return tasks > 0 || submits > 0;
        }
    }
}
