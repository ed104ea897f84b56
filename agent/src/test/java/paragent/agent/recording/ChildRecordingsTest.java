package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.agent.bootstrap.ProcessSpawnEvent;
import paragent.agent.bootstrap.RunInfoEvent;

class ChildRecordingsTest {

    @TempDir
    Path out;

    @Test
    void descendantsOfTheSameRunAreFoundParentsFirst() throws Exception {
        Path root = record("paragent-100.jfr", "run-1", spawn(101, "/jdk/bin/java -cp x Child"), spawn(102, "sh -c true"));
        record("paragent-101.jfr", "run-1", spawn(103, "java Grandchild"));
        record("paragent-103.jfr", "run-1");

        ChildRecordings.Found found = ChildRecordings.of(root, out, "run-1");

        assertThat(found.recordings()).containsExactly(out.resolve("paragent-101.jfr"), out.resolve("paragent-103.jfr"));
        assertThat(found.warnings()).as("sh is no JVM: no recording expected").isEmpty();
    }

    @Test
    void aRecordingOfAnotherRunOrNoneAtAllIsAWarning() throws Exception {
        Path root = record("paragent-200.jfr", "run-2", spawn(201, "java Other"), spawn(202, "java Missing"));
        record("paragent-201.jfr", "run-9");

        ChildRecordings.Found found = ChildRecordings.of(root, out, "run-2");

        assertThat(found.recordings()).isEmpty();
        assertThat(found.warnings()).containsExactly(
                "child JVM 201 'java Other': " + out.resolve("paragent-201.jfr") + " belongs to run run-9, not run-2",
                "child JVM 202 'java Missing' has no recording in " + out
                        + " (still running after 2 s, or it did not start the agent)");
    }

    private static ProcessSpawnEvent spawn(long pid, String command) {
        ProcessSpawnEvent event = new ProcessSpawnEvent();
        event.pid = pid;
        event.command = command;
        return event;
    }

    /** Writes a recording holding a RunInfo with {@code runId} and the given spawns. */
    private Path record(String name, String runId, ProcessSpawnEvent... spawns) throws Exception {
        Path file = out.resolve(name);
        try (Recording recording = new Recording()) {
            recording.enable(RunInfoEvent.class);
            recording.enable(ProcessSpawnEvent.class);
            recording.start();
            RunInfoEvent info = new RunInfoEvent();
            info.runId = runId;
            info.commit();
            for (ProcessSpawnEvent spawn : spawns) {
                spawn.commit();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }
}
