package paragent.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jfr.FlightRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;
import paragent.agent.flame.FlameRecorder;
import paragent.agent.instrumentation.Instrumentations;
import paragent.agent.internal.Log;
import paragent.agent.recording.RecordingController;
import paragent.agent.recording.RunLineage;

/**
 * Starts profiling once the bootstrap classes exist: picks a writable output directory, starts
 * the recording and installs the instrumentation. Called by {@link PreMain} only.
 */
public final class Agent {

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
        // async-profiler loads on a thread of its own while the agent starts (measured: ~80 ms).
        FlameRecorder flame = FlameRecorder.start(options, inst);
        // Instrument first, record second: the advice does nothing until the recording installs
        // its sinks, and the recording (its wall time, main's baseline CPU) then starts after the
        // agent's own start-up instead of counting it as the program's.
        // JFR's initialization retransforms the JDK classes it instruments itself (JDK 17:
        // FileInputStream, FileChannelImpl, ...); done before the agent's transformer exists, the
        // agent's transformer does not weave four of them a second time. Starts no recording. It
        // runs on a thread of its own while this one builds the transformer.
        FutureTask<FlightRecorder> jfrInit = new FutureTask<>(FlightRecorder::getFlightRecorder);
        Thread initThread = new Thread(jfrInit, "paragent-jfr-init");
        initThread.setDaemon(true);
        initThread.start();
        AgentBuilder instrumentation = Instrumentations.prepare();
        try {
            jfrInit.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        Instrumentations.install(instrumentation, inst);
        RecordingController.start(options, outDir, "paragent-" + pid, version(), lineage, flame);
    }

    /**
     * The requested directory if it can be created and written, else a directory under the
     * system temp directory, so that the reports are never lost; says so in one line.
     */
    static Path writableOutputDirectory(Path requested, long pid) throws IOException {
        String problem = null;
        try {
            Files.createDirectories(requested);
            Path probe = Files.createTempFile(requested, ".paragent-probe", ".tmp");
            Files.delete(probe);
            return requested.toAbsolutePath().normalize();
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
