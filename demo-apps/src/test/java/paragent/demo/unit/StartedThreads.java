package paragent.demo.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records the names of the threads started while a piece of code runs, from JFR's
 * {@code jdk.ThreadStart} events, so a test can check how a demo names its workers after they
 * have ended. Stateless; each call uses its own recording.
 */
final class StartedThreads {

    /** Code that may throw, run while recording. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private StartedThreads() {
    }

    /** Runs {@code action} and returns the names of the threads started meanwhile that begin with {@code prefix}. */
    static List<String> namesDuring(String prefix, Action action) throws Exception {
        Path file = Files.createTempFile("started-threads", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadStart");
            recording.start();
            action.run();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ThreadStart"))
                    .map(StartedThreads::startedName)
                    .filter(name -> name != null && name.startsWith(prefix))
                    .sorted()
                    .collect(Collectors.toList());
        } finally {
            deleteQuietly(file);
        }
    }

    /** The names {@code <demo>-worker-1 .. <demo>-worker-<count>}. */
    static List<String> workerNames(String demo, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> demo + "-worker-" + i).collect(Collectors.toList());
    }

    private static String startedName(RecordedEvent event) {
        RecordedThread thread = event.getThread("thread");
        return thread == null ? null : thread.getJavaName();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file does not affect the test
        }
    }
}
