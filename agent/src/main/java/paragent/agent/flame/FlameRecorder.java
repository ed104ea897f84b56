package paragent.agent.flame;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import paragent.agent.AgentOptions;
import paragent.agent.bootstrap.FlameInfoEvent;
import paragent.agent.bootstrap.FlameStackEvent;
import paragent.agent.internal.Log;
import paragent.agent.internal.NestedJars;

/**
 * Records the flame graphs of the {@code flame} option with async-profiler. Loading and starting
 * it happens on a daemon thread, off premain's critical path; at recording end
 * ({@link #recordingEnds}, from JFR's end-of-chunk hook so the events land in the last chunk) it
 * stops async-profiler, reads its JFR file, and commits {@code paragent.FlameStack} events and one
 * {@code paragent.FlameInfo}. When async-profiler cannot load, FlameInfo says so with engine
 * {@code jfr}: the analyzer then draws the CPU graph from JFR's execution samples.
 *
 * <p>async-profiler's library, jar, log and JFR file live in a private directory (owner-only),
 * created under {@link #TMPDIR_PROPERTY} or {@code java.io.tmpdir} and deleted at the end.
 *
 * <p>Thread-safe: the end is reached at most once ({@link #ended}); {@link #close} may race with
 * it and only deletes what is left.
 */
public final class FlameRecorder {

    /**
     * System property: where the private directory is created (default {@code java.io.tmpdir}).
     * Also the tests' hook to force the fallback: a directory that cannot be written makes
     * async-profiler fail to load.
     */
    public static final String TMPDIR_PROPERTY = "paragent.flame.tmpdir";
    /** async-profiler's cpu interval. */
    static final long CPU_INTERVAL_NANOS = 10_000_000;
    /** async-profiler's wall-clock interval. */
    static final long WALL_INTERVAL_NANOS = 20_000_000;
    /** How long the end waits for a start still in progress. */
    private static final long START_WAIT_SECONDS = 10;
    private static final String ENGINE = "async-profiler " + AsyncProfilerLoader.VERSION;

    private final Set<FlameMode> modes;
    private final long lockThresholdNanos;
    private final FutureTask<Started> start;
    private final AtomicBoolean ended = new AtomicBoolean();

    /** A running async-profiler and its private directory. */
    private record Started(AsyncProfilerLoader profiler, Path dir, Path jfrFile) {
    }

    private FlameRecorder(Set<FlameMode> modes, long lockThresholdNanos, Instrumentation inst) {
        this.modes = modes;
        this.lockThresholdNanos = lockThresholdNanos;
        this.start = new FutureTask<>(() -> startProfiler(inst));
    }

    /** Starts async-profiler in the background when {@code flame} is not {@code off}. */
    public static FlameRecorder start(AgentOptions options, Instrumentation inst) {
        FlameRecorder recorder = new FlameRecorder(options.flame(), options.threshold().toNanos(), inst);
        if (!recorder.modes.isEmpty()) {
            Thread thread = new Thread(recorder.start, "paragent-flame-start");
            thread.setDaemon(true);
            thread.start();
        }
        return recorder;
    }

    private Started startProfiler(Instrumentation inst) throws Exception {
        String parent = System.getProperty(TMPDIR_PROPERTY);
        Path dir = NestedJars.privateTempDir(parent == null ? null : Path.of(parent), "paragent-flame-");
        try {
            AsyncProfilerLoader profiler = AsyncProfilerLoader.load(dir, inst);
            Path jfrFile = dir.resolve("flame.jfr");
            profiler.execute(startCommand(jfrFile, dir.resolve("async-profiler.log")));
            return new Started(profiler, dir, jfrFile);
        } catch (Throwable t) {
            NestedJars.deleteTree(dir);
            throw t;
        }
    }

    /** async-profiler's start command: JFR output, which alone can hold several events. */
    String startCommand(Path jfrFile, Path logFile) {
        StringBuilder command = new StringBuilder("start,jfr");
        if (modes.contains(FlameMode.CPU)) {
            command.append(",event=cpu,interval=").append(CPU_INTERVAL_NANOS).append("ns");
        }
        if (modes.contains(FlameMode.WALL)) {
            command.append(",wall=").append(WALL_INTERVAL_NANOS).append("ns");
        }
        if (modes.contains(FlameMode.LOCK)) {
            command.append(",lock=").append(lockThresholdNanos).append("ns");
        }
        // The log goes to a file: async-profiler's warnings must not reach the program's stderr.
        return command.append(",file=").append(jfrFile).append(",log=").append(logFile).toString();
    }

    /**
     * At recording end: stops async-profiler and commits the flame events, or FlameInfo alone
     * saying why there are none. Runs once; never throws.
     */
    public void recordingEnds() {
        if (modes.isEmpty() || !ended.compareAndSet(false, true)) {
            return;
        }
        Started started = null;
        try {
            started = start.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Log.failure("could not load async-profiler for the flame graphs", cause);
            commitInfo("jfr", "", "async-profiler could not load (" + reason(cause)
                    + "); CPU flame graph from JFR execution samples", 0);
            return;
        } catch (TimeoutException e) {
            start.cancel(true);
            commitInfo("jfr", "", "async-profiler did not start within " + START_WAIT_SECONDS
                    + " s; CPU flame graph from JFR execution samples", 0);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            started.profiler().execute("stop");
            FlameAggregator stacks = new FlameAggregator();
            AsyncProfilerJfr jfr = new AsyncProfilerJfr(CPU_INTERVAL_NANOS, WALL_INTERVAL_NANOS);
            jfr.read(started.jfrFile(), stacks);
            commitStacks(stacks);
            String cpuEvent = modes.contains(FlameMode.CPU) ? cpuEvent(jfr.engine()) : "";
            commitInfo(ENGINE, cpuEvent, cpuNote(cpuEvent), stacks.droppedStacks());
        } catch (Throwable t) {
            Log.failure("could not read async-profiler's flame graph samples", t);
            commitInfo(ENGINE, "", "async-profiler's samples could not be read (" + reason(t)
                    + "); CPU flame graph from JFR execution samples", 0);
        } finally {
            NestedJars.deleteTree(started.dir());
        }
    }

    /**
     * At JVM exit, after the recording: deletes the private directory if the end-of-chunk hook
     * never ran (async-profiler, still running then, stops with the JVM).
     */
    public void close() {
        if (modes.isEmpty() || !ended.compareAndSet(false, true)) {
            return;
        }
        start.cancel(true);
        try {
            Started started = start.get(0, TimeUnit.SECONDS);
            started.profiler().execute("stop");
            NestedJars.deleteTree(started.dir());
        } catch (Throwable t) {
            // nothing was started, or it is stopping with the JVM: nothing to report
        }
    }

    /** FlameInfo's name for async-profiler's engine: {@code cpu} for perf_events, else the timer's name. */
    static String cpuEvent(String engine) {
        return engine.equals("perf_events") ? "cpu" : engine;
    }

    /** The note when cpu fell back to a timer. */
    static String cpuNote(String cpuEvent) {
        if (cpuEvent.equals("ctimer") || cpuEvent.equals("itimer")) {
            return "perf_events not permitted (kernel.perf_event_paranoid=" + perfEventParanoid()
                    + "): CPU samples from the " + cpuEvent + " timer, without kernel frames";
        }
        return "";
    }

    private static String perfEventParanoid() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid")).trim();
        } catch (Exception | Error e) {
            return "unknown";
        }
    }

    private static String reason(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private void commitStacks(FlameAggregator stacks) {
        for (FlameAggregator.Entry entry : stacks.entries()) {
            FlameStackEvent event = new FlameStackEvent();
            event.mode = entry.mode().label();
            event.thread = entry.thread();
            event.frames = entry.frames();
            event.samples = entry.samples();
            event.weight = entry.weight();
            event.commit();
        }
    }

    private void commitInfo(String engine, String cpuEvent, String note, long droppedStacks) {
        FlameInfoEvent info = new FlameInfoEvent();
        info.modes = FlameMode.format(modes);
        info.engine = engine;
        info.cpuEvent = cpuEvent;
        info.note = note;
        info.cpuIntervalNanos = CPU_INTERVAL_NANOS;
        info.wallIntervalNanos = WALL_INTERVAL_NANOS;
        info.lockThresholdNanos = lockThresholdNanos;
        info.droppedStacks = droppedStacks;
        info.commit();
    }
}
