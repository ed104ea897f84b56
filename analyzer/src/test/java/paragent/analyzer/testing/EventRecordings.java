package paragent.analyzer.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;

/**
 * Real recordings of test copies of paragent's events: runs a body that commits them on a worker
 * thread of its own, with only the named events enabled (threshold 0), and dumps the recording.
 */
public final class EventRecordings {

    /** What runs on the recorded worker thread. */
    public interface Body {
        void run() throws Exception;
    }

    private EventRecordings() {
    }

    /**
     * @param file where the recording is dumped
     * @param threadName the worker thread's name (its events carry it)
     * @param events the event names to enable
     * @param body commits the events
     * @return {@code file}
     * @throws AssertionError wrapping what the body threw, after the recording is written
     */
    public static Path record(Path file, String threadName, List<String> events, Body body) throws Exception {
        try (Recording recording = new Recording()) {
            for (String event : events) {
                recording.enable(event).withThreshold(Duration.ZERO);
            }
            recording.start();
            Throwable[] failure = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, threadName);
            worker.start();
            worker.join();
            recording.stop();
            recording.dump(file);
            if (failure[0] != null) {
                throw new AssertionError(failure[0]);
            }
        }
        return file;
    }
}
