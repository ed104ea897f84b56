package paragent.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jfr.FlightRecorder;
import paragent.agent.flame.FlameRecorder;
import paragent.agent.instrumentation.Instrumentations;
import paragent.agent.instrumentation.WeavingTransformer;
import paragent.agent.internal.Log;
import paragent.agent.recording.RecordingController;
import paragent.agent.recording.RunLineage;

/**
 * Starts profiling once the bootstrap classes exist: picks a writable output directory, starts
 * the recording and installs the instrumentation; stops it all again on request (detach). Called
 * by {@link PreMain} only.
 *
 * <p>The agent's state is published in the system property {@link #STATE_PROPERTY}, which
 * {@code paragent attach} reads through the Attach API: {@code recording DIR} while it records,
 * {@code stopped DIR} after {@link #stop}. Thread-safety: start and stop run on the thread of
 * {@code premain} or {@code agentmain}; the JVM runs one agent-loading call at a time.
 */
public final class Agent {

    /** System property: the agent's state and output directory, for {@code paragent attach}. */
    public static final String STATE_PROPERTY = "paragent.agent";
    /** The state of an agent recording into its output directory. */
    public static final String RECORDING = "recording";
    /** The state of an agent stopped by {@code paragent attach PID stop}. */
    public static final String STOPPED = "stopped";

    /**
     * Free space below which the output directory counts as full: a recording of a few minutes
     * and its reports take a few MiB; JFR cannot write a recording that does not fit.
     */
    static final long MIN_FREE_BYTES = 16L << 20;

    /** What {@link #stop} undoes; null until the agent has started. */
    private static volatile Running running;

    /** A started agent: its recording, its transformer and the instrumentation it is registered with. */
    private record Running(RecordingController recording, WeavingTransformer transformer,
                           Instrumentation inst, Path outDir) {
    }

    private Agent() {
    }

    /**
     * Starts the recording and the instrumentation; throws only to {@link PreMain}, which logs.
     *
     * @param premainNanos {@code System.nanoTime()} on entry to premain
     */
    public static void start(AgentOptions options, Instrumentation inst, boolean attached, long premainNanos)
            throws Exception {
        long pid = ProcessHandle.current().pid();
        Path outDir = writableOutputDirectory(options.outDir(), pid);
        RunLineage lineage = RunLineage.of(options, outDir, premainNanos);
        // The targets are loaded before the agent starts a thread, so that the JVM orders their
        // methods the same way in every run and hands the transformer the same bytes (weave cache hits).
        Instrumentations.loadTargets();
        // async-profiler loads on a thread of its own while the agent starts (measured: ~80 ms).
        FlameRecorder flame = FlameRecorder.start(options, inst);
        // Instrument first, record second: the advice does nothing until the recording installs
        // its sinks, and the recording (its wall time, main's baseline CPU) then starts after the
        // agent's own start-up instead of counting it as the program's.
        // JFR's initialization retransforms the JDK classes it instruments itself (JDK 17:
        // FileInputStream, FileChannelImpl, ...); done before the agent's transformer exists, the
        // agent's transformer does not weave four of them a second time. Starts no recording. It
        // runs on a thread of its own while this one prepares the transformer (a fingerprint of
        // the weaving for the cache, or ByteBuddy's transformer where there is no cache).
        FutureTask<FlightRecorder> jfrInit = new FutureTask<>(FlightRecorder::getFlightRecorder);
        Thread initThread = new Thread(jfrInit, "paragent-jfr-init");
        initThread.setDaemon(true);
        initThread.start();
        WeavingTransformer transformer = Instrumentations.prepare(weaveCacheDir(options), options.cacheDir() != null);
        try {
            jfrInit.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        Instrumentations.install(transformer, inst);
        RecordingController recording = RecordingController.start(options, outDir, "paragent-" + pid, version(),
                lineage, flame);
        running = new Running(recording, transformer, inst, outDir);
        System.setProperty(STATE_PROPERTY, RECORDING + " " + outDir);
    }

    /**
     * Detach: ends the recording, writes the reports and retransforms the woven classes back to
     * their own code; the program runs on. Throws only to {@link PreMain}, which logs.
     */
    public static void stop() throws IOException, InterruptedException {
        Running started = running;
        if (started == null) {
            Log.line("no recording to stop: the agent did not start in this JVM");
            return;
        }
        if (!started.recording().stop()) {
            Log.line("the recording has already ended; its reports are in " + started.outDir());
        }
        Instrumentations.remove(started.transformer(), started.inst());
        System.setProperty(STATE_PROPERTY, STOPPED + " " + started.outDir());
    }

    /** The weave cache's directory: {@code cache=DIR}, else the default; null for {@code cache=off}. */
    private static Path weaveCacheDir(AgentOptions options) {
        if (!options.cache()) {
            return null;
        }
        return options.cacheDir() != null ? options.cacheDir() : Instrumentations.defaultCacheDir();
    }

    /**
     * The requested directory if it can be created and written and its file system has
     * {@link #MIN_FREE_BYTES} free, else a directory under the system temp directory, so that the
     * reports are never lost; says so in one line. (A disk that fills up during the run: JFR
     * writes an incomplete recording, and the report writer's line says the disk is full.)
     */
    static Path writableOutputDirectory(Path requested, long pid) throws IOException {
        String problem = null;
        try {
            Files.createDirectories(requested);
            Path probe = Files.createTempFile(requested, ".paragent-probe", ".tmp");
            Files.delete(probe);
            long freeBytes = Files.getFileStore(requested).getUsableSpace();
            if (freeBytes >= MIN_FREE_BYTES) {
                return requested.toAbsolutePath().normalize();
            }
            problem = "its disk is full: " + freeBytes / 1024 + " KiB free";
        } catch (IOException | SecurityException e) {
            problem = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "it is a file"
                    : e.getMessage();
        }
        Path fallback = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "paragent-" + pid));
        Log.line("cannot write to out=" + requested.toAbsolutePath() + " (" + problem + "); writing the reports to "
                + fallback + " instead");
        return fallback;
    }

    static String version() {
        String version = Agent.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
