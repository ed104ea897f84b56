package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.agent.bootstrap.EventMetadata;

/**
 * JDK Mission Control shows an event type by the metadata in the recording: this reads that of a
 * recording the agent made and holds every {@code paragent.*} type in it to {@link EventMetadata},
 * whichever types there are, so an event added later is checked without changing this test. (The
 * types a run does not use are left out of its recording; EventMetadataTest checks every class.)
 */
class JmcMetadataIT {

    @TempDir
    Path dir;

    @Test
    void everyParagentEventTypeInARecordingHasLabelDescriptionParagentCategoryAndUnits() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + out + ",jfr",
                ForkedJvm.TEST_CLASSES.toString(), "paragent.testapps.PipesApp"), out);
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        List<EventType> types;
        try (RecordingFile recording = new RecordingFile(ExitReportIT.recording(out))) {
            types = recording.readEventTypes().stream().filter(t -> t.getName().startsWith("paragent.")).toList();
        }

        assertThat(types).extracting(EventType::getName).as("the events of a run with a child process")
                .contains("paragent.RunInfo", "paragent.ThreadTimes", "paragent.SchedStat", "paragent.ProcessSpawn",
                        "paragent.ChannelOpen", "paragent.ChannelSummary", "paragent.LockSummary");
        assertThat(types).flatExtracting(EventMetadata::problems).as("what JMC would show badly").isEmpty();
    }
}
