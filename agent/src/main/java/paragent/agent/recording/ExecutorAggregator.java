package paragent.agent.recording;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import paragent.agent.bootstrap.ExecutorCreatedEvent;
import paragent.agent.bootstrap.ExecutorSink;
import paragent.agent.bootstrap.ExecutorSummaryEvent;
import paragent.agent.bootstrap.ExecutorWorkerEvent;

/**
 * Aggregates the submits and task runs of every {@code ThreadPoolExecutor} and
 * {@code ForkJoinPool} and writes them as {@link ExecutorSummaryEvent}s; writes
 * {@link ExecutorCreatedEvent} when an executor is first seen and {@link ExecutorWorkerEvent} when
 * a thread runs its first task for one.
 *
 * <p>Per task, both sides record into the current thread's own {@link ExecutorLane}, found through
 * a one-entry cache in the thread's {@link ThreadState}, and count exactly. Every run reads the
 * clock at its start and end, so the tasks' total run time is exact (the task-overhead diagnosis
 * rests on it), and so does every submit, so that the submit time is exact too. The lane's submit
 * {@link CostSampler} picks the submits (a few at first, then one in {@value CostSampler#PERIOD})
 * that are queue-wait samples, and only sampled or slow runs write the run-time histogram
 * themselves. A sampled submit notes its task in the executor's {@link PendingSubmits}, where the
 * run finds it by reference for its queue wait (scheduled tasks need no entry: their queue wait is
 * read from {@code Delayed.getDelay} at start). A fork/join run is attributed to the pool of the
 * worker that runs it, else to the common pool. A thread's first submit and every
 * {@value #SITE_SAMPLE_PERIOD}th after it walk its stack for the submit site. No allocation per
 * task once a thread's lane exists.
 *
 * <p>Concurrency: the sink methods are called by application threads at once; they take no lock
 * except when an executor or a lane is first seen (a private monitor, or a
 * {@link ConcurrentHashMap} insert), never one the application can see, and they call no
 * application code except {@code getDelay} of the application's own scheduled tasks, which the
 * executor's queue itself calls under its lock. {@link #emit} is called by the agent's flush
 * thread and JFR's periodic thread and is serialized on a private monitor. Memory is bounded: at
 * most {@link #MAX_EXECUTORS} executors are tracked one by one, further ones share one entry per
 * class; see {@link ExecutorStats} and {@link PendingSubmits} for their own caps.
 */
final class ExecutorAggregator implements ExecutorSink {

    /** Executors tracked individually; beyond this, executors are pooled per class. */
    static final int MAX_EXECUTORS = 1_000;
    /**
     * One submit in this many (per thread) has its site sampled; a power of two. A stack walk costs
     * several microseconds, so this keeps it to a few nanoseconds per submit.
     */
    static final int SITE_SAMPLE_PERIOD = 1024;
    /** Nesting depth of task runs in one thread that is timed (fork/join tasks run nested when joined). */
    private static final int MAX_DEPTH = 32;

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final Map<IdentityKey, ExecutorStats> executors = new ConcurrentHashMap<>();
    private final Map<Class<?>, ExecutorStats> pooled = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Object registerLock = new Object();
    private final Object emitLock = new Object();
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final ExecutorStats.Interval interval = new ExecutorStats.Interval();

    /** Reports the common pool, which the JVM may have created before the agent could see it. */
    void registerCommonPool() {
        statsFor(ForkJoinPool.commonPool());
    }

    @Override
    public void created(Object executor) {
        statsFor(executor);
    }

    @Override
    public long submitBegin(Object executor, Object task) {
        ExecutorLane lane = threads.get().laneFor(executor != null ? executor : currentPool());
        long now = System.nanoTime();
        // Every submit is timed; the sampled ones are also the queue-wait samples.
        if (lane.submitSampler.next() && !(task instanceof Delayed)) {
            lane.executor.pending.offer(task, now);
        }
        return now;
    }

    @Override
    public void submitEnd(Object executor, Object task, long beginNanos, Throwable thrown) {
        long submitNanos = System.nanoTime() - beginNanos;
        ThreadState state = threads.get();
        ExecutorLane lane = state.laneFor(executor != null ? executor : currentPool());
        if (thrown != null) {
            if (!(task instanceof Delayed)) {
                lane.executor.pending.take(task); // nothing when it was not a sample
            }
            return;
        }
        lane.submitted(submitNanos);
        // The thread's first submit, then one in SITE_SAMPLE_PERIOD: a pool given a few large tasks
        // still gets its submit site.
        if ((state.submits++ & (SITE_SAMPLE_PERIOD - 1)) == 0) {
            String site = submitSite();
            if (site != null) {
                lane.executor.sampledSite(site);
            }
        }
    }

    @Override
    public void runStart(Object executor, Object task) {
        ThreadState state = threads.get();
        int depth = state.depth++;
        if (depth >= MAX_DEPTH) {
            return;
        }
        ExecutorLane lane = state.laneFor(executor != null ? executor : currentPool());
        if (!lane.workerReported && lane.owner != null) {
            lane.workerReported = true;
            reportWorker(lane, executor != null || Thread.currentThread() instanceof ForkJoinWorkerThread);
        }
        boolean sampled = lane.runSampler.next();
        long now = System.nanoTime();
        long waitNanos = -1;
        if (task instanceof Delayed) {
            waitNanos = Math.max(0, -((Delayed) task).getDelay(TimeUnit.NANOSECONDS));
        } else {
            long submitted = lane.executor.pending.take(task);
            if (submitted != PendingSubmits.NONE) {
                waitNanos = Math.max(0, now - submitted);
            }
        }
        state.runLanes[depth] = lane;
        state.runWaits[depth] = waitNanos;
        state.runStarts[depth] = now;
        state.runSampled[depth] = sampled;
    }

    /**
     * Reports the lane's thread as the executor's worker, unless it merely ran a task itself: a
     * thread that calls {@code ForkJoinTask.invoke()} or joins a task it can run (a parallel
     * stream's caller) is not one of the pool's threads.
     */
    private static void reportWorker(ExecutorLane lane, boolean poolThread) {
        if (poolThread) {
            ExecutorWorkerEvent event = new ExecutorWorkerEvent();
            event.executorId = lane.executor.id;
            event.commit();
        }
    }

    @Override
    public void runEnd() {
        ThreadState state = threads.get();
        if (state.depth == 0) {
            return;
        }
        int depth = --state.depth;
        if (depth >= MAX_DEPTH || state.runLanes[depth] == null) {
            return;
        }
        state.runLanes[depth].ran(state.runWaits[depth], System.nanoTime() - state.runStarts[depth],
                state.runSampled[depth]);
        state.runLanes[depth] = null;
    }

    /** Writes one summary per executor that had submits or finished tasks since the previous call. */
    void emit() {
        synchronized (emitLock) {
            emitAll(executors.values().iterator());
            emitAll(pooled.values().iterator());
        }
    }

    private void emitAll(Iterator<ExecutorStats> all) {
        while (all.hasNext()) {
            ExecutorStats stats = all.next();
            stats.drainInto(interval);
            if (interval.active()) {
                ExecutorSummaryEvent event = new ExecutorSummaryEvent();
                event.executorId = stats.id;
                event.executorClass = stats.className;
                event.tasks = interval.tasks;
                event.submits = interval.submits;
                event.submitNanos = interval.submitNanos;
                event.queueWait = encode(interval.queueWait);
                event.runTime = encode(interval.runTime);
                event.runNanos = interval.runNanos;
                event.submitSite = interval.site;
                event.submitSiteCount = interval.siteCount;
                event.commit();
            } else if (stats.collected()) {
                all.remove();
            }
        }
    }

    private ExecutorStats statsFor(Object executor) {
        ExecutorStats stats = executors.get(new IdentityKey(executor, false));
        return stats != null ? stats : register(executor);
    }

    private ExecutorStats register(Object executor) {
        synchronized (registerLock) {
            ExecutorStats stats = executors.get(new IdentityKey(executor, false));
            if (stats != null) {
                return stats;
            }
            Class<?> type = executor.getClass();
            if (executors.size() >= MAX_EXECUTORS) {
                stats = pooled.get(type);
                if (stats == null) {
                    stats = new ExecutorStats(nextId.getAndIncrement(), type.getName(), null);
                    pooled.put(type, stats);
                    reportCreated(stats, executor);
                }
                return stats;
            }
            stats = new ExecutorStats(nextId.getAndIncrement(), type.getName(), executor);
            executors.put(new IdentityKey(executor, true), stats);
            reportCreated(stats, executor);
            return stats;
        }
    }

    private static void reportCreated(ExecutorStats stats, Object executor) {
        ExecutorCreatedEvent event = new ExecutorCreatedEvent();
        event.executorId = stats.id;
        event.executorClass = stats.className;
        if (executor instanceof ThreadPoolExecutor) {
            event.executorKind = executor instanceof ScheduledThreadPoolExecutor
                    ? "ScheduledThreadPoolExecutor" : "ThreadPoolExecutor";
            event.parallelism = ((ThreadPoolExecutor) executor).getCorePoolSize();
        } else if (executor instanceof ForkJoinPool) {
            event.executorKind = "ForkJoinPool";
            event.parallelism = ((ForkJoinPool) executor).getParallelism();
        }
        event.commit();
    }

    private static Object currentPool() {
        Thread thread = Thread.currentThread();
        return thread instanceof ForkJoinWorkerThread ? ((ForkJoinWorkerThread) thread).getPool()
                : ForkJoinPool.commonPool();
    }

    /** The first application frame of the current stack, as {@code class.method(File.java:line)}. */
    private static String submitSite() {
        return WALKER.walk(frames -> frames
                .filter(frame -> isApplication(frame.getClassName()))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName()
                        + ":" + frame.getLineNumber() + ")")
                .orElse(null));
    }

    static boolean isApplication(String className) {
        return !(className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("paragent.agent."));
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Per-thread state, touched only by its thread: the lane last used (most threads submit to or
     * work for one executor), the stack of task runs in progress, the submit counter for sampling.
     */
    private final class ThreadState {
        final ExecutorLane[] runLanes = new ExecutorLane[MAX_DEPTH];
        final long[] runStarts = new long[MAX_DEPTH];
        final long[] runWaits = new long[MAX_DEPTH];
        final boolean[] runSampled = new boolean[MAX_DEPTH];
        int depth;
        int submits;
        private Object cachedExecutor;
        private ExecutorLane cachedLane;

        ExecutorLane laneFor(Object executor) {
            if (executor != cachedExecutor) {
                cachedLane = statsFor(executor).laneFor(Thread.currentThread());
                cachedExecutor = executor;
            }
            return cachedLane;
        }
    }

    /**
     * An executor as a map key, by identity, never by its {@code equals}: a lookup key holds it
     * strongly for the duration of one lookup, a stored key weakly.
     */
    private static final class IdentityKey {
        private final Object strong;
        private final WeakReference<Object> weak;
        private final int hash;

        IdentityKey(Object executor, boolean stored) {
            this.strong = stored ? null : executor;
            this.weak = stored ? new WeakReference<>(executor) : null;
            this.hash = System.identityHashCode(executor);
        }

        private Object referent() {
            return weak != null ? weak.get() : strong;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof IdentityKey) || ((IdentityKey) o).hash != hash) {
                return false;
            }
            Object referent = referent();
            return referent != null && referent == ((IdentityKey) o).referent();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
