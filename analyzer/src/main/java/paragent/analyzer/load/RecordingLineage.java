package paragent.analyzer.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a recording says about its place in a process tree, read quickly without building a model:
 * its run id and the processes it started. The agent's exit uses it to find the recordings of a
 * JVM's descendants before analyzing them together. Immutable.
 *
 * @param runId the run id of {@code paragent.RunInfo}, or null when absent
 * @param spawned pid → command of every child its {@code paragent.ProcessSpawn} events started
 *                (failed starts left out), in start order
 */
public record RecordingLineage(String runId, Map<Long, String> spawned) {

    public RecordingLineage {
        spawned = Collections.unmodifiableMap(new LinkedHashMap<>(spawned));
    }

    /**
     * Reads {@code recording} in one pass, looking only at {@code paragent.RunInfo} and
     * {@code paragent.ProcessSpawn}.
     *
     * @throws IOException if it cannot be read as a recording
     */
    public static RecordingLineage read(Path recording) throws IOException {
        String runId = null;
        Map<Long, String> spawned = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("paragent.RunInfo") && event.hasField("runId")) {
                    runId = event.getString("runId");
                } else if (type.equals("paragent.ProcessSpawn") && event.getLong("pid") > 0
                        && event.getString("command") != null) {
                    spawned.put(event.getLong("pid"), event.getString("command"));
                }
            }
        }
        return new RecordingLineage(runId, spawned);
    }
}
