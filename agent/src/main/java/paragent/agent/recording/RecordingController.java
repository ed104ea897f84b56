package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import paragent.agent.AgentOptions;
import paragent.agent.bootstrap.ChannelHooks;
import paragent.agent.bootstrap.ChannelOpEvent;
import paragent.agent.bootstrap.ChannelOpenEvent;
import paragent.agent.bootstrap.ChannelSummaryEvent;
import paragent.agent.bootstrap.ChildJvmAgents;
import paragent.agent.bootstrap.ExecutorCreatedEvent;
import paragent.agent.bootstrap.ExecutorHooks;
import paragent.agent.bootstrap.ExecutorSummaryEvent;
import paragent.agent.bootstrap.ExecutorWorkerEvent;
import paragent.agent.bootstrap.FileLockHooks;
import paragent.agent.bootstrap.FileLockSummaryEvent;
import paragent.agent.bootstrap.FileLockWaitEvent;
import paragent.agent.bootstrap.FlameInfoEvent;
import paragent.agent.bootstrap.FlameStackEvent;
import paragent.agent.bootstrap.GpuCommandEvent;
import paragent.agent.bootstrap.GpuHooks;
import paragent.agent.bootstrap.GpuSummaryEvent;
import paragent.agent.bootstrap.GpuWaitEvent;
import paragent.agent.bootstrap.LockSummaryEvent;
import paragent.agent.bootstrap.LockWaitEvent;
import paragent.agent.bootstrap.LockWaitNoStackEvent;
import paragent.agent.bootstrap.LockWaits;
import paragent.agent.bootstrap.MappedFileEvent;
import paragent.agent.bootstrap.ProcessExitEvent;
import paragent.agent.bootstrap.ProcessSpawnEvent;
import paragent.agent.bootstrap.ProcessSpawns;
import paragent.agent.bootstrap.RunInfoEvent;
import paragent.agent.bootstrap.SchedStatEvent;
import paragent.agent.bootstrap.SerializationSummaryEvent;
import paragent.agent.bootstrap.ThreadExits;
import paragent.agent.bootstrap.ThreadTimesEvent;
import paragent.agent.flame.FlameRecorder;
import paragent.agent.internal.Log;
import paragent.agent.sampling.ChildProcesses;
import paragent.agent.sampling.SchedStatSampler;

/**
 * Runs one recording from start to reports: starts JFR and the in-process aggregates, writes
 * the aggregates every second from a daemon thread, samples scheduler counters and child
 * processes from another, and at the end (JVM exit, or the {@code duration} option) waits for the
 * recording file and hands it to the {@link ReportWriter}. What must be in the recording's last
 * chunk is written from JFR's end-of-chunk hooks, which run before the recording stops.
 *
 * <p>Concurrency: the end is reached at most once ({@link #finished}), from the shutdown hook, the
 * duration timer or {@link #stop}, whichever comes first. The agent's threads are daemons named
 * {@code paragent-*} and never take application locks.
 */
public final class RecordingController {

    /** How often the aggregates are written while the program runs. */
    static final Duration FLUSH_PERIOD = Duration.ofSeconds(1);
    /** How long the exiting JVM waits for reports the {@code duration} timer is still writing. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    /** Every event class the agent commits (docs/EVENTS.md); registered before the recording starts. */
    public static final List<Class<? extends Event>> EVENT_CLASSES = List.of(LockWaitEvent.class,
            LockWaitNoStackEvent.class, LockSummaryEvent.class,
            ThreadTimesEvent.class, RunInfoEvent.class, SchedStatEvent.class, ExecutorCreatedEvent.class,
            ExecutorWorkerEvent.class, ExecutorSummaryEvent.class, ProcessSpawnEvent.class, ProcessExitEvent.class,
            ChannelOpenEvent.class, ChannelOpEvent.class, ChannelSummaryEvent.class, SerializationSummaryEvent.class,
            FileLockWaitEvent.class, FileLockSummaryEvent.class, MappedFileEvent.class, GpuCommandEvent.class,
            GpuWaitEvent.class, GpuSummaryEvent.class, FlameStackEvent.class, FlameInfoEvent.class);

    private final AgentOptions options;
    private final RecordingSession session;
    private final ReportWriter reports;
    private final LockAggregator locks = new LockAggregator();
    private final ExecutorAggregator executors = new ExecutorAggregator();
    private final ChannelAggregator channels = new ChannelAggregator();
    private final GpuAggregator gpu = new GpuAggregator();
    private final FileLockAggregator fileLocks;
    private final ThreadTimesSampler threadTimes = new ThreadTimesSampler();
    private final SchedStatSampler schedStat = SchedStatSampler.create();
    private final ChildProcesses children = new ChildProcesses();
    private final FlameRecorder flame;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Counted down when the {@code duration} timer has written its reports (or failed to). */
    private final CountDownLatch durationReports = new CountDownLatch(1);
    /** The end-of-chunk hooks registered with JFR, removed when the agent is stopped. */
    private final List<Runnable> periodicHooks = new CopyOnWriteArrayList<>();

    private RecordingController(AgentOptions options, RecordingSession session, ReportWriter reports,
            FlameRecorder flame) {
        this.options = options;
        this.session = session;
        this.reports = reports;
        this.flame = flame;
        this.fileLocks = new FileLockAggregator(options.threshold().toNanos());
    }

    /**
     * Starts recording into {@code outDir}/{@code baseName}.jfr and arranges for the reports to be
     * written at the end.
     *
     * @param flame the flame graph recorder, whose events are written at the end
     */
    public static RecordingController start(AgentOptions options, Path outDir, String baseName, String version,
            RunLineage lineage, FlameRecorder flame) throws IOException, ParseException {
        RecordingController controller = new RecordingController(options,
                RecordingSession.create(outDir.resolve(baseName + ".jfr"), options.threshold(), options.interval()),
                new ReportWriter(options, outDir, baseName, lineage), flame);
        controller.registerEvents();
        controller.session.start();
        controller.begin(version, lineage);
        return controller;
    }

    /**
     * Registers every paragent event class, and the periodic ones' hooks, before the recording
     * starts: registering an event class while a recording runs makes JFR apply the recording's
     * settings to every event type again (JDK 17: 20-40 ms per class, 12 classes at start-up).
     */
    private void registerEvents() {
        for (Class<? extends Event> eventClass : EVENT_CLASSES) {
            FlightRecorder.register(eventClass);
        }
        periodic(LockSummaryEvent.class, locks::emit);
        periodic(ThreadTimesEvent.class, threadTimes::emitAll);
        periodic(SchedStatEvent.class, schedStat::sampleAll);
        periodic(ProcessExitEvent.class, this::endChildren);
        periodic(FlameInfoEvent.class, this::endFlame);
        periodic(ExecutorSummaryEvent.class, executors::emit);
        periodic(ChannelSummaryEvent.class, channels::emitChannels);
        periodic(SerializationSummaryEvent.class, channels::emitSerialization);
        periodic(FileLockSummaryEvent.class, fileLocks::emit);
        periodic(GpuSummaryEvent.class, gpu::emit);
    }

    private void begin(String version, RunLineage lineage) {
        LockWaits.install(locks);
        ExecutorHooks.install(executors);
        executors.registerCommonPool();
        ThreadExits.install(this::threadExiting);
        ProcessSpawns.install(children);
        ChildJvmAgents.install(lineage.childAgentArgument());
        ChannelHooks.install(channels);
        FileLockHooks.install(fileLocks);
        GpuHooks.install(gpu);
        writeRunInfo(version, lineage);
        channels.registerOwnPipes();
        threadTimes.emitBaseline();
        schedStat.sampleAll();

        startDaemon(this::flushPeriodically, "paragent-flush");
        startDaemon(this::sampleSchedulerPeriodically, "paragent-schedstat");

        Runtime.getRuntime().addShutdownHook(new Thread(this::finishAtExit, "paragent-exit"));
        if (options.duration() != null) {
            startDaemon(this::finishAfterDuration, "paragent-duration");
        }
    }

    private void periodic(Class<? extends jdk.jfr.Event> type, Runnable hook) {
        Runnable guarded = guarded(hook, "the periodic " + type.getSimpleName());
        FlightRecorder.addPeriodicEvent(type, guarded);
        periodicHooks.add(guarded);
    }

    /**
     * A JFR periodic hook that lets nothing escape: JFR logs a hook's failure through the JVM's
     * unified logging, whose default output is the program's stdout ({@code [error][jfr,system]
     * Error in Periodic task: java.lang.OutOfMemoryError}, seen in FaultsIT when the program ends
     * by running out of heap). The first failure becomes one line on stderr; the hook is tried
     * again at its next period.
     */
    private static Runnable guarded(Runnable hook, String what) {
        AtomicBoolean reported = new AtomicBoolean();
        return () -> {
            try {
                hook.run();
            } catch (Throwable t) {
                if (reported.compareAndSet(false, true)) {
                    Log.failure(what + " skipped a round", t);
                }
            }
        };
    }

    private static void startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        // The tasks catch what they can; what still escapes (an error thrown while one is being
        // handled, under an exhausted heap) is dropped rather than printed by the JVM into the
        // program's stderr.
        thread.setUncaughtExceptionHandler(SILENT);
        thread.start();
    }

    /** Allocated up front: an uncaught-exception handler that needs no heap. */
    private static final Thread.UncaughtExceptionHandler SILENT = (thread, failure) -> {
    };

    private void writeRunInfo(String version, RunLineage lineage) {
        RunInfoEvent info = new RunInfoEvent();
        info.agentStartNanos = System.nanoTime() - lineage.premainNanos();
        info.runId = lineage.runId();
        info.parentPid = lineage.parentPid();
        info.children = options.children();
        info.agentVersion = version;
        info.options = options.raw();
        info.command = System.getProperty("sun.java.command", "");
        info.pid = ProcessHandle.current().pid();
        info.availableProcessors = Runtime.getRuntime().availableProcessors();
        info.lockWaitThresholdNanos = options.threshold().toNanos();
        info.monitorThresholdNanos = options.threshold().toNanos();
        info.samplePeriodMillis = options.interval().toMillis();
        info.schedStatPeriodMillis = schedStat.basePeriodMillis();
        info.commit();
    }

    private void flushPeriodically() {
        periodically(FLUSH_PERIOD::toMillis, () -> {
            locks.emit();
            executors.emit();
            channels.emitChannels();
            channels.emitSerialization();
            fileLocks.emit();
            gpu.emit();
            threadTimes.emitAll();
        }, "periodic recording of lock, executor, channel, GPU and thread totals");
    }

    private void sampleSchedulerPeriodically() {
        periodically(schedStat::periodMillis, () -> {
            schedStat.sampleAll();
            children.sampleCpu();
        }, "sampling of scheduler counters and child processes");
    }

    /**
     * Runs {@code round} every {@code periodMillis} on the calling agent thread until the recording
     * finishes. A round that ran out of heap is skipped, with one line the first time: the program
     * may free the heap again (the hoard of a failed allocation loop goes with its thread), and the
     * totals are still wanted. Any other failure stops the task, with one line. Nothing escapes to
     * the thread's uncaught-exception handler, which under an exhausted heap cannot print either
     * (the JVM then writes its own lines about the agent's thread into the program's stderr).
     */
    private void periodically(java.util.function.LongSupplier periodMillis, Runnable round, String what) {
        boolean outOfMemoryReported = false;
        while (true) {
            try {
                if (finished.get() || !session.isRunning()) {
                    return;
                }
                Thread.sleep(periodMillis.getAsLong());
                round.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (OutOfMemoryError e) {
                if (!outOfMemoryReported) {
                    outOfMemoryReported = true;
                    Log.failure(what + " skipped a round", e);
                }
            } catch (Throwable t) {
                Log.failure(what + " stopped", t);
                return;
            }
        }
    }

    /** Called in each exiting thread, which is still alive and can read its own counters. */
    private void threadExiting(Thread thread) {
        schedStat.emitExitingThread();
        threadTimes.emit(thread);
    }

    /**
     * JFR's end-of-chunk hook: writes the children still alive, but only when the chunk ends
     * because the recording does (a chunk can also end mid-recording when it grows large or
     * another recording starts). At JVM exit it runs in JFR's own shutdown hook; with
     * {@code duration} after {@link #finished} is set.
     */
    private void endChildren() {
        if (finished.get() || RecordingSession.isJfrShutdownHook(Thread.currentThread())) {
            children.recordingEnds();
        }
    }

    /** The same end-of-chunk moment as {@link #endChildren}: the flame events go in the last chunk. */
    private void endFlame() {
        if (finished.get() || RecordingSession.isJfrShutdownHook(Thread.currentThread())) {
            flame.recordingEnds();
        }
    }

    private void finishAfterDuration() {
        try {
            Thread.sleep(options.duration().toMillis());
            if (finished.compareAndSet(false, true)) {
                try {
                    Path file = session.stopNow();
                    detachSinks();
                    reports.write(file);
                } finally {
                    durationReports.countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Log.failure("could not finish the recording after " + options.duration(), t);
        }
    }

    /**
     * Ends the recording now, at the request of {@code paragent attach PID stop}: writes the reports
     * and unhooks the agent from JFR; the program runs on. Does nothing when the recording has
     * already ended.
     *
     * @return whether this call ended it
     */
    public boolean stop() throws IOException, InterruptedException {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Path file = session.stopNow();
        flame.close();
        detachSinks();
        periodicHooks.forEach(FlightRecorder::removePeriodicEvent);
        reports.write(file);
        return true;
    }

    private void finishAtExit() {
        if (!finished.compareAndSet(false, true)) {
            awaitDurationReports();
            return;
        }
        try {
            Path file = session.awaitFile();
            flame.close();
            detachSinks();
            reports.write(file);
        } catch (Throwable t) {
            Log.failure("could not write the reports at exit", t);
        }
    }

    /**
     * The program exits while the {@code duration} timer still writes its reports: the JVM waits
     * for them (at most {@link #EXIT_WAIT}), so that they are not cut off half written. Nothing to
     * wait for when the timer never fired.
     */
    private void awaitDurationReports() {
        if (options.duration() == null) {
            return;
        }
        try {
            if (!durationReports.await(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.line("the program exited while the reports of its first " + options.duration()
                        + " were still being written; gave up waiting after " + EXIT_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops feeding the aggregates: the recording is over and its file written. */
    private void detachSinks() {
        LockWaits.install(null);
        ExecutorHooks.install(null);
        ThreadExits.install(null);
        ProcessSpawns.install(null);
        ChildJvmAgents.install(null);
        ChannelHooks.install(null);
        FileLockHooks.install(null);
        GpuHooks.install(null);
        gpu.close();
    }
}
