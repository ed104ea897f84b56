package paragent.analyzer.load;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import org.HdrHistogram.Histogram;

/**
 * Accumulates the events of one recording, one at a time, into {@link ThreadData} and, through
 * the collectors of one concern each ({@link LockCollector}, {@link IpcCollector},
 * {@link GpuCollector}, {@link FlameCollector}, {@link PinningCollector}), their data. What it
 * reads is one table, {@link #HANDLERS}: event type to handler. Events may arrive in any order but
 * one: a thread's lock waits in the order it committed them, as JFR writes them (a stackless wait
 * takes the stack of the thread's latest stacked one, {@link LockCollector#onLockWait}). Mutable;
 * confined to one thread (the calling thread of {@link EventPipeline}, which reads the events on
 * another).
 */
final class EventCollector {

    final Map<Long, ThreadData> threads = new LinkedHashMap<>();

    long recordingStartNanos = Long.MAX_VALUE;
    long recordingEndNanos = Long.MIN_VALUE;
    long events;
    boolean sawThreadLifecycle;
    boolean sawThreadTimes;
    int histogramDecodeFailures;

    Long pid;
    String jvmVersion;
    String command;
    int hwThreads;
    int runInfoProcessors;
    long runInfoSamplePeriodMillis;
    /** paragent.RunInfo's schedStatPeriodMillis: null when absent, 0 when schedstat was unreadable. */
    Long runInfoSchedStatPeriodMillis;

    /** paragent.SchedStat per OS thread id: [timestamp, runNanos] and [timestamp, runQueueNanos]. */
    final Map<Long, ThreadData.LongPairs[]> schedStats = new HashMap<>();
    final Map<Long, ExecutorData> executors = new LinkedHashMap<>();
    final List<ProcessData> processes = new ArrayList<>();
    /** GC pause intervals (jdk.GCPhasePause), and per collector name its summed pause time. */
    final ThreadData.LongPairs gcPauses;
    final Map<Long, String> gcNames = new HashMap<>();
    final Map<Long, Long> gcPauseNanosById = new HashMap<>();
    /** jdk.ObjectAllocationSample: weight per class, and per class weight per application site. */
    final Map<String, Long> allocationWeight = new HashMap<>();
    final Map<String, Map<String, Long>> allocationSites = new HashMap<>();
    /** jdk.CPULoad: timestamp, jvmUser, jvmSystem, machineTotal. */
    final List<double[]> cpuLoads = new ArrayList<>();

    /** What is kept event by event, within bounds. */
    final RetentionCaps caps;
    /** Channels, serialization, file locks, mapped files and the run identity. */
    final IpcCollector ipc;
    /** OpenCL commands, their per-second summaries and the host's waits for the device. */
    final GpuCollector gpu = new GpuCollector();
    /** Stacks for flame graphs: async-profiler's, execution samples', lock waits'. */
    final FlameCollector flames = new FlameCollector();
    /** Virtual threads blocked while pinned to their carrier. */
    final PinningCollector pinning = new PinningCollector();
    /** Monitors, j.u.c. locks and parks on them: waits per lock, site, waiter and holder. */
    final LockCollector locks;
    private boolean runInfoPid;

    /** One shared copy of each {@code pkg.Class.method} seen on sampled stacks. */
    private final Map<String, String> internedMethods = new HashMap<>();

    /** Event type id to name, for jdk.ActiveSetting. */
    final Map<Long, String> typeNames = new HashMap<>();
    /** jdk.ActiveSetting values: event type id, then setting name to value (last wins). */
    final Map<Long, Map<String, String>> activeSettings = new HashMap<>();
    /** The accumulator of each recorded thread object; null for a non-Java thread. */
    private final PoolCache<RecordedThread, ThreadData> threadsByObject = new PoolCache<>(this::newThread);
    /** What the analysis derives from a stack, decoded once per stack, not once per event. */
    private final PoolCache<RecordedStackTrace, String> applicationFrames = new PoolCache<>(Frames::firstApplicationFrame);
    /** The methods of a sampled stack; samples of one stack share the array. */
    private final PoolCache<RecordedStackTrace, String[]> stackMethods = new PoolCache<>(s -> Frames.methods(s, internedMethods));
    /** The fields read on every event of the most frequent types, by position ({@link FieldReader}). */
    private final FieldReader stackTraceField = new FieldReader("stackTrace");
    private final FieldReader sampledThreadField = new FieldReader("sampledThread");
    private final FieldReader threadField = new FieldReader("thread");
    private final FieldReader cpuNanosField = new FieldReader("cpuNanos");
    private final FieldReader blockedNanosField = new FieldReader("blockedNanos");
    private final FieldReader waitedNanosField = new FieldReader("waitedNanos");
    private final FieldReader baselineField = new FieldReader("baseline");
    private final FieldReader tidField = new FieldReader("tid");
    private final FieldReader runNanosField = new FieldReader("runNanos");
    private final FieldReader runQueueNanosField = new FieldReader("runQueueNanos");
    /** The handler of each event type object: one map search per type and chunk, not per event. */
    private final PoolCache<EventType, Handler> handlers = new PoolCache<>(this::handlerOf);

    EventCollector(RetentionCaps caps) {
        this.caps = caps;
        locks = new LockCollector(caps, flames, applicationFrames, stackMethods, this::thread, this::decodeInto);
        gcPauses = new ThreadData.LongPairs(caps);
        ipc = new IpcCollector(caps);
    }

    /**
     * What the collector does with one event type. {@code eventThread} is the accumulator of the
     * event's thread (null for none or a non-Java thread); the times are epoch nanoseconds.
     */
    @FunctionalInterface
    interface Handler {
        void handle(EventCollector collector, RecordedEvent event, ThreadData eventThread, long startNanos,
                long endNanos);
    }

    /**
     * The one table of what the collector reads: event type to its handler. The loader asks JFR for
     * exactly these types (the parser skips the others, most of a recording, by their size), so a
     * type that has a handler is also one that is decoded.
     */
    static final Map<String, Handler> HANDLERS = handlers();

    private static Map<String, Handler> handlers() {
        Map<String, Handler> h = new HashMap<>();
        h.put("jdk.JavaMonitorEnter", (c, e, t, start, end) -> c.locks.onMonitorEnter(e, t, start, end));
        h.put("jdk.JavaMonitorWait", (c, e, t, start, end) -> {
            if (t != null) {
                t.monitorWaitNanos += end - start;
                t.monitorWaits.add(start, end);
            }
        });
        h.put("jdk.ThreadSleep", (c, e, t, start, end) -> {
            if (t != null) {
                t.sleepNanos += end - start;
                t.sleeps.add(start, end);
            }
        });
        for (String io : List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite")) {
            h.put(io, (c, e, t, start, end) -> {
                if (t != null) {
                    t.ios.add(start, end);
                }
            });
        }
        h.put("jdk.GCPhasePause", (c, e, t, start, end) -> c.onGcPause(e, start, end));
        h.put("jdk.GarbageCollection", (c, e, t, start, end) -> c.gcNames.put(e.getLong("gcId"), e.getString("name")));
        h.put("jdk.ObjectAllocationSample", (c, e, t, start, end) -> c.onAllocationSample(e));
        h.put("jdk.CPULoad", (c, e, t, start, end) -> {
            if (c.caps.keepPair()) {
                c.cpuLoads.add(new double[] {start, e.getFloat("jvmUser"), e.getFloat("jvmSystem"),
                        e.getFloat("machineTotal")});
            }
        });
        h.put("paragent.SchedStat", (c, e, t, start, end) -> c.onSchedStat(e, start));
        h.put("paragent.ExecutorCreated", (c, e, t, start, end) -> c.onExecutorCreated(e));
        h.put("paragent.ExecutorWorker", (c, e, t, start, end) -> {
            if (t != null) {
                c.executor(e.getLong("executorId")).workerIds.add(t.javaId);
            }
        });
        h.put("paragent.ExecutorSummary", (c, e, t, start, end) -> c.onExecutorSummary(e));
        h.put("paragent.ProcessSpawn", EventCollector::onProcessSpawn);
        h.put("paragent.ProcessExit", (c, e, t, start, end) -> c.onProcessExit(e));
        h.put("jdk.ThreadPark", (c, e, t, start, end) -> c.locks.onPark(e, t, start, end));
        h.put("jdk.ExecutionSample", (c, e, t, start, end) -> c.onExecutionSample(e, start));
        h.put("jdk.ThreadCPULoad", (c, e, t, start, end) -> {
            if (t != null && c.caps.keepPair()) {
                t.cpuLoads.add(new double[] {start, e.getFloat("user") + e.getFloat("system")});
            }
        });
        h.put("jdk.ThreadStart", (c, e, t, start, end) -> c.onLifecycle(e, start, true));
        h.put("jdk.ThreadEnd", (c, e, t, start, end) -> c.onLifecycle(e, start, false));
        h.put("jdk.JVMInformation", (c, e, t, start, end) -> c.onJvmInformation(e));
        h.put("jdk.CPUInformation", (c, e, t, start, end) -> c.hwThreads = e.getInt("hwThreads"));
        h.put("jdk.ActiveSetting", (c, e, t, start, end) -> c.activeSettings
                .computeIfAbsent(e.getLong("id"), id -> new HashMap<>())
                .put(e.getString("name"), e.getString("value")));
        h.put("paragent.RunInfo", (c, e, t, start, end) -> c.onRunInfo(e));
        h.put("jdk.VirtualThreadPinned", (c, e, t, start, end) -> c.pinning.onPinned(e, end - start));
        h.put("paragent.LockWait", (c, e, t, start, end) -> c.locks.onLockWait(e, t, start, end, true));
        h.put("paragent.LockWaitNoStack", (c, e, t, start, end) -> c.locks.onLockWait(e, t, start, end, false));
        h.put("paragent.LockSummary", (c, e, t, start, end) -> c.locks.onLockSummary(e));
        h.put("paragent.ThreadTimes", (c, e, t, start, end) -> c.onThreadTimes(e, start));
        h.put("paragent.FlameStack", (c, e, t, start, end) -> c.flames.onFlameStack(e));
        h.put("paragent.FlameInfo", (c, e, t, start, end) -> c.flames.onFlameInfo(e));
        for (String gpu : GpuCollector.EVENT_TYPES) {
            h.put(gpu, (c, e, t, start, end) -> c.gpu.accept(gpu, e, t, start, end));
        }
        for (String ipc : IpcCollector.EVENT_TYPES) {
            h.put(ipc, (c, e, t, start, end) -> c.ipc.accept(ipc, e, t, start, end));
        }
        h.put("paragent.FileLockWait", EventCollector::onFileLockWait);
        return Map.copyOf(h);
    }

    /** Every event type {@link #accept} reads: those of {@link #HANDLERS}. */
    static final Set<String> EVENT_TYPES = HANDLERS.keySet();

    /** @param event one of {@link #EVENT_TYPES}; not kept after the call (the loader may reuse the object) */
    void accept(RecordedEvent event) {
        accept(event, nanos(event.getStartTime()), nanos(event.getEndTime()), event.getThread());
    }

    /**
     * {@link #accept(RecordedEvent)} with what every event needs already read from it (on another
     * thread, by {@link EventPipeline}).
     *
     * @param thread the event's {@link RecordedEvent#getThread()}
     */
    void accept(RecordedEvent event, long startNanos, long endNanos, RecordedThread thread) {
        Handler handler = handlers.get(event.getEventType());
        if (handler == null) {
            return; // a type the loader was not asked for
        }
        events++;
        recordingStartNanos = Math.min(recordingStartNanos, startNanos);
        recordingEndNanos = Math.max(recordingEndNanos, endNanos);
        ThreadData eventThread = thread(thread);
        if (eventThread != null) {
            eventThread.seen(startNanos, endNanos);
        }
        handler.handle(this, event, eventThread, startNanos, endNanos);
    }

    /** Takes the names of a chunk's event types (its metadata), for jdk.ActiveSetting. */
    void onMetadata(List<EventType> types) {
        types.forEach(type -> typeNames.put(type.getId(), type.getName()));
    }

    /** @return the handler of an event type object (one per type and chunk), recording its name */
    private Handler handlerOf(EventType type) {
        typeNames.putIfAbsent(type.getId(), type.getName());
        return HANDLERS.get(type.getName());
    }

    private void onJvmInformation(RecordedEvent event) {
        if (!runInfoPid) {
            pid = event.getLong("pid");
        }
        jvmVersion = event.getString("jvmVersion");
        if (command == null) {
            command = event.getString("javaArguments");
        }
    }

    private void onFileLockWait(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        ipc.accept("paragent.FileLockWait", event, waiter, startNanos, endNanos);
        if (waiter != null) {
            flames.onLockWait(IpcCollector.fileLockKey(event.getString("path")), event.getStackTrace(),
                    endNanos - startNanos);
        }
    }

    private void onThreadTimes(RecordedEvent event, long atNanos) {
        ThreadData data = thread(threadField.thread(event));
        if (data == null) {
            return;
        }
        sawThreadTimes = true;
        long[] values = {cpuNanosField.longValue(event), blockedNanosField.longValue(event),
            waitedNanosField.longValue(event)};
        if (baselineField.booleanValue(event)) {
            if (data.threadTimesBaseline == null || atNanos < data.threadTimesBaselineAtNanos) {
                data.threadTimesBaselineAtNanos = atNanos;
                data.threadTimesBaseline = values;
            }
            return;
        }
        data.cpuSeries.add(atNanos, values[0]);
        if (atNanos >= data.threadTimesAtNanos) {
            data.threadTimesAtNanos = atNanos;
            data.threadTimes = values;
        }
    }

    private void onExecutionSample(RecordedEvent event, long atNanos) {
        ThreadData sampled = thread(sampledThreadField.thread(event));
        if (sampled == null) {
            return;
        }
        sampled.seen(atNanos, atNanos);
        sampled.executionSamples++;
        RecordedStackTrace stack = stackTraceField.stackTrace(event);
        flames.onExecutionSample(sampled.name, stack);
        String frame = applicationFrames.get(stack);
        if (frame != null && caps.keepSample()) {
            sampled.sampleTimes.add(atNanos, sampled.sampleFrames.size());
            sampled.sampleFrames.add(frame);
            sampled.sampleStacks.add(stackMethods.get(stack));
        }
    }

    private void onLifecycle(RecordedEvent event, long atNanos, boolean start) {
        RecordedThread recorded = event.hasField("thread") ? event.getThread("thread") : event.getThread();
        ThreadData data = thread(recorded);
        if (data == null) {
            return;
        }
        sawThreadLifecycle = true;
        data.seen(atNanos, atNanos);
        if (start) {
            data.startedNanos = atNanos;
        } else {
            data.endedNanos = atNanos;
        }
    }

    private void onRunInfo(RecordedEvent event) {
        if (event.hasField("command")) {
            command = event.getString("command");
        }
        if (event.hasField("pid")) {
            pid = event.getLong("pid");
            runInfoPid = true;
        }
        if (event.hasField("availableProcessors")) {
            runInfoProcessors = event.getInt("availableProcessors");
        }
        if (event.hasField("samplePeriodMillis")) {
            runInfoSamplePeriodMillis = event.getLong("samplePeriodMillis");
        }
        if (event.hasField("schedStatPeriodMillis")) {
            runInfoSchedStatPeriodMillis = event.getLong("schedStatPeriodMillis");
        }
        ipc.onRunInfo(event);
    }

    private void onGcPause(RecordedEvent event, long startNanos, long endNanos) {
        if (event.hasField("gcId")) {
            gcPauseNanosById.merge(event.getLong("gcId"), endNanos - startNanos, Long::sum);
        }
        gcPauses.add(startNanos, endNanos);
    }

    private void onAllocationSample(RecordedEvent event) {
        RecordedClass objectClass = event.getClass("objectClass");
        if (objectClass == null) {
            return;
        }
        // Only the application's allocations: the JDK's and the agent's own (class loading,
        // instrumentation at start-up) are not what the program can change.
        String site = applicationFrames.get(event.getStackTrace());
        if (site == null) {
            return;
        }
        long weight = event.getLong("weight");
        String name = objectClass.getName();
        allocationWeight.merge(name, weight, Long::sum);
        allocationSites.computeIfAbsent(name, n -> new HashMap<>()).merge(site, weight, Long::sum);
    }

    private void onSchedStat(RecordedEvent event, long atNanos) {
        ThreadData.LongPairs[] series = schedStats.computeIfAbsent(tidField.longValue(event),
                tid -> new ThreadData.LongPairs[] {new ThreadData.LongPairs(caps), new ThreadData.LongPairs(caps)});
        series[0].add(atNanos, runNanosField.longValue(event));
        series[1].add(atNanos, runQueueNanosField.longValue(event));
    }

    private ExecutorData executor(long executorId) {
        return executors.computeIfAbsent(executorId, ExecutorData::new);
    }

    private void onExecutorCreated(RecordedEvent event) {
        ExecutorData executor = executor(event.getLong("executorId"));
        executor.executorClass = event.getString("executorClass");
        executor.kind = event.getString("executorKind");
        executor.parallelism = event.getInt("parallelism");
        executor.creationSite = Frames.firstApplicationFrame(event.getStackTrace());
    }

    private void onExecutorSummary(RecordedEvent event) {
        ExecutorData executor = executor(event.getLong("executorId"));
        if (executor.executorClass == null) {
            executor.executorClass = event.getString("executorClass");
        }
        executor.tasks += event.getLong("tasks");
        executor.submits += event.getLong("submits");
        executor.submitNanos += event.getLong("submitNanos");
        executor.runNanos += event.getLong("runNanos");
        decodeInto(event.getString("queueWait"), executor.queueWaitNanos);
        decodeInto(event.getString("runTime"), executor.runTimeNanos);
        String site = event.getString("submitSite");
        if (site != null && !site.isEmpty()) {
            executor.submitSites.merge(site, Math.max(1, event.getLong("submitSiteCount")), Long::sum);
        }
    }

    private void onProcessSpawn(RecordedEvent event, ThreadData spawner, long startNanos, long endNanos) {
        ProcessData p = new ProcessData();
        p.pid = event.getLong("pid");
        p.command = event.getString("command");
        p.error = event.getString("error");
        p.spawnStartNanos = startNanos;
        p.spawnNanos = endNanos - startNanos;
        p.spawnSite = Frames.firstApplicationFrame(event.getStackTrace());
        p.spawnerJavaId = spawner == null ? 0 : spawner.javaId;
        processes.add(p);
    }

    private void onProcessExit(RecordedEvent event) {
        long pid = event.getLong("pid");
        ProcessData p = null;
        for (int i = processes.size() - 1; i >= 0 && p == null; i--) {
            if (processes.get(i).pid == pid) {
                p = processes.get(i);
            }
        }
        if (p == null) {
            p = new ProcessData();
            p.pid = pid;
            p.command = event.getString("command");
            processes.add(p);
        }
        p.lifetimeNanos = event.getLong("lifetimeNanos");
        long cpu = event.getLong("cpuNanos");
        p.cpuNanos = cpu >= 0 ? cpu : null;
        p.exitCode = event.getBoolean("stillRunning") ? null : event.getInt("exitCode");
    }

    /** Adds a Base64 compressed HdrHistogram to {@code into}; counts a failure when it cannot be read. */
    private void decodeInto(String encoded, Histogram into) {
        if (!decodeHistogram(encoded, into)) {
            histogramDecodeFailures++;
        }
    }

    /** Adds a Base64 compressed HdrHistogram to {@code into}; @return false when it cannot be read */
    static boolean decodeHistogram(String encoded, Histogram into) {
        if (encoded == null || encoded.isEmpty()) {
            return true;
        }
        try {
            into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0));
            return true;
        } catch (DataFormatException | RuntimeException e) {
            return false;
        }
    }

    /** @return the accumulator of a Java thread, or null for none or a non-Java thread */
    private ThreadData thread(RecordedThread recorded) {
        return threadsByObject.get(recorded);
    }

    private ThreadData newThread(RecordedThread recorded) {
        long javaId = recorded == null ? 0 : recorded.getJavaThreadId();
        if (javaId <= 0) {
            return null;
        }
        ThreadData data = threads.computeIfAbsent(javaId, id -> new ThreadData(id, caps));
        if (data.name == null) {
            data.name = recorded.getJavaName() != null ? recorded.getJavaName() : recorded.getOSName();
            if (recorded.getThreadGroup() != null) {
                data.group = recorded.getThreadGroup().getName();
            }
            long osId = recorded.getOSThreadId();
            data.osId = osId > 0 ? osId : null;
        }
        return data;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
