package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;
import paragent.agent.AgentOptions;
import paragent.agent.bootstrap.ExecutorHooks;
import paragent.agent.bootstrap.ExecutorSummaryEvent;
import paragent.agent.bootstrap.LockSummaryEvent;
import paragent.agent.bootstrap.LockWaits;
import paragent.agent.bootstrap.RunInfoEvent;
import paragent.agent.bootstrap.ThreadExits;
import paragent.agent.bootstrap.ThreadTimesEvent;
import paragent.agent.internal.Log;

/**
 * Runs one recording from start to reports: starts JFR and the in-process aggregates, writes
 * the aggregates every second from a daemon thread, and at the end (JVM exit, or the
 * {@code duration} option) waits for the recording file and hands it to the {@link ReportWriter}.
 *
 * <p>Concurrency: the end is reached at most once ({@link #finished}), from the shutdown hook or
 * the duration timer, whichever comes first. The agent's threads are daemons named
 * {@code paragent-*} and never take application locks.
 */
public final class RecordingController {

    /** How often the aggregates are written while the program runs. */
    static final Duration FLUSH_PERIOD = Duration.ofSeconds(1);

    private final AgentOptions options;
    private final RecordingSession session;
    private final ReportWriter reports;
    private final LockAggregator locks = new LockAggregator();
    private final ExecutorAggregator executors = new ExecutorAggregator();
    private final ThreadTimesSampler threadTimes = new ThreadTimesSampler();
    private final AtomicBoolean finished = new AtomicBoolean();

    private RecordingController(AgentOptions options, RecordingSession session, ReportWriter reports) {
        this.options = options;
        this.session = session;
        this.reports = reports;
    }

    /**
     * Starts recording into {@code outDir}/{@code baseName}.jfr and arranges for the reports to be
     * written at the end.
     */
    public static RecordingController start(AgentOptions options, Path outDir, String baseName, String version)
            throws IOException, ParseException {
        RecordingController controller = new RecordingController(options,
                RecordingSession.start(outDir.resolve(baseName + ".jfr"), options.threshold(), options.interval()),
                new ReportWriter(options, outDir, baseName));
        controller.begin(version);
        return controller;
    }

    private void begin(String version) {
        FlightRecorder.addPeriodicEvent(LockSummaryEvent.class, locks::emit);
        FlightRecorder.addPeriodicEvent(ThreadTimesEvent.class, threadTimes::emitAll);
        FlightRecorder.addPeriodicEvent(ExecutorSummaryEvent.class, executors::emit);
        LockWaits.install(locks);
        ExecutorHooks.install(executors);
        executors.registerCommonPool();
        ThreadExits.install(threadTimes::emit);
        writeRunInfo(version);
        threadTimes.emitBaseline();

        Thread flusher = new Thread(this::flushPeriodically, "paragent-flush");
        flusher.setDaemon(true);
        flusher.start();

        Runtime.getRuntime().addShutdownHook(new Thread(this::finishAtExit, "paragent-exit"));
        if (options.duration() != null) {
            Thread timer = new Thread(this::finishAfterDuration, "paragent-duration");
            timer.setDaemon(true);
            timer.start();
        }
    }

    private void writeRunInfo(String version) {
        RunInfoEvent info = new RunInfoEvent();
        info.agentVersion = version;
        info.options = options.raw();
        info.command = System.getProperty("sun.java.command", "");
        info.pid = ProcessHandle.current().pid();
        info.availableProcessors = Runtime.getRuntime().availableProcessors();
        info.lockWaitThresholdNanos = options.threshold().toNanos();
        info.monitorThresholdNanos = options.threshold().toNanos();
        info.samplePeriodMillis = options.interval().toMillis();
        info.commit();
    }

    private void flushPeriodically() {
        try {
            while (!finished.get() && session.isRunning()) {
                Thread.sleep(FLUSH_PERIOD.toMillis());
                locks.emit();
                executors.emit();
                threadTimes.emitAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Log.failure("periodic recording of lock, executor and thread totals stopped", t);
        }
    }

    private void finishAfterDuration() {
        try {
            Thread.sleep(options.duration().toMillis());
            if (finished.compareAndSet(false, true)) {
                Path file = session.stopNow();
                detachSinks();
                reports.write(file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Log.failure("could not finish the recording after " + options.duration(), t);
        }
    }

    private void finishAtExit() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            Path file = session.awaitFile();
            detachSinks();
            reports.write(file);
        } catch (Throwable t) {
            Log.failure("could not write the reports at exit", t);
        }
    }

    /** Stops feeding the aggregates: the recording is over and its file written. */
    private void detachSinks() {
        LockWaits.install(null);
        ExecutorHooks.install(null);
        ThreadExits.install(null);
    }
}
