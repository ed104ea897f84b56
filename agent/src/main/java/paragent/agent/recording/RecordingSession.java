package paragent.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Owns the agent's {@link Recording}. Its destination is set before it starts, so JFR writes the
 * file itself when the recording stops or the JVM exits; the agent never dumps from its own
 * shutdown hook, which would race with JFR's (measured: chunk files lost in 2–8 of 8 exits).
 *
 * <p>JFR writes to {@code <name>.jfr.part}; {@link #awaitFile} renames it once complete, so a
 * reader never sees a half-written {@code .jfr}. Thread-safe: the methods that change state are
 * synchronized on this session, which the application never sees.
 */
public final class RecordingSession {

    /** How long to wait for JFR's shutdown hook to appear among the running threads. */
    private static final Duration HOOK_APPEAR_TIMEOUT = Duration.ofSeconds(2);
    /** How long to wait for JFR's shutdown hook to finish writing. */
    private static final Duration HOOK_FINISH_TIMEOUT = Duration.ofSeconds(60);

    private final Recording recording;
    private final Path partFile;
    private final Path file;

    private RecordingSession(Recording recording, Path partFile, Path file) {
        this.recording = recording;
        this.partFile = partFile;
        this.file = file;
    }

    /** Creates the recording, written to {@code file} when it ends; {@link #start} starts it. */
    static RecordingSession create(Path file, Duration threshold, Duration samplePeriod)
            throws IOException, ParseException {
        Path partFile = file.resolveSibling(file.getFileName() + ".part");
        Recording recording = new Recording(RecordingSettings.create(threshold, samplePeriod));
        recording.setName("paragent");
        recording.setToDisk(true);
        recording.setDestination(partFile);
        return new RecordingSession(recording, partFile, file);
    }

    /** Starts the recording. */
    void start() {
        recording.start();
    }

    /** The final path of the recording. */
    public Path file() {
        return file;
    }

    /** Whether the recording is still collecting events. */
    boolean isRunning() {
        return recording.getState() == RecordingState.RUNNING;
    }

    /** Stops the recording now (not at exit); JFR writes the file before this returns. */
    synchronized Path stopNow() throws IOException {
        if (recording.getState() == RecordingState.RUNNING) {
            recording.stop();
        }
        return moveIntoPlace();
    }

    /**
     * Called from the agent's shutdown hook: waits until JFR's own shutdown hook has written the
     * recording, then moves it into place. Where JFR's hook cannot be found, stops the recording
     * itself.
     */
    synchronized Path awaitFile() throws IOException, InterruptedException {
        Thread jfrHook = findJfrShutdownHook();
        if (jfrHook != null) {
            jfrHook.join(HOOK_FINISH_TIMEOUT.toMillis());
        }
        if (recording.getState() == RecordingState.RUNNING) {
            recording.stop();
        }
        return moveIntoPlace();
    }

    private Path moveIntoPlace() throws IOException {
        if (Files.exists(partFile)) {
            Files.move(partFile, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (!Files.exists(file)) {
            throw new IOException("JFR did not write the recording " + partFile);
        }
        return file;
    }

    /** Whether {@code thread} is JFR's shutdown hook ({@code JFR Shutdown Hook}), by name. */
    static boolean isJfrShutdownHook(Thread thread) {
        String name = thread.getName();
        return name.contains("JFR") && name.contains("Shutdown");
    }

    /**
     * Finds JFR's shutdown hook thread by name. All shutdown hooks are started together, but ours
     * may run before JFR's has been started, so this polls briefly.
     */
    private static Thread findJfrShutdownHook() throws InterruptedException {
        long deadline = System.nanoTime() + HOOK_APPEAR_TIMEOUT.toNanos();
        do {
            for (Thread thread : Threads.live()) {
                if (isJfrShutdownHook(thread) && thread != Thread.currentThread()) {
                    return thread;
                }
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return null;
    }
}
