package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.Analyzer;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.testing.Workloads;

/** Parsing on one thread and collecting on another gives the analysis a single-threaded pass gives. */
class EventPipelineTest {

    @TempDir
    Path dir;

    @Test
    void pipelinedLoadingGivesTheSingleThreadedJsonSummaryOfAMultiChunkRecording() throws Exception {
        Path file = multiChunkRecording();

        String single = json(RecordingLoader.load(file, new RetentionCaps(), false));
        String pipelined = json(RecordingLoader.load(file, new RetentionCaps(), true));

        assertThat(single).contains("\"findings\"").contains("LOCK_CONTENTION");
        assertThat(pipelined).isEqualTo(single);
    }

    @Test
    void pipelinedLoadingKeepsWhatOneThreadKeepsUnderTheSameCaps() throws Exception {
        Path file = multiChunkRecording();

        RecordingModel single = RecordingLoader.load(file, new RetentionCaps(20, 5), false);
        RecordingModel pipelined = RecordingLoader.load(file, new RetentionCaps(20, 5), true);

        assertThat(single.warnings()).anyMatch(w -> w.contains("than the analysis keeps (20)"));
        assertThat(json(pipelined)).isEqualTo(json(single));
    }

    /** Chunks of two recordings, more events than the pipeline's queue holds, so the parser runs ahead. */
    private Path multiChunkRecording() throws Exception {
        byte[] parkLocks = Files.readAllBytes(Workloads.paragentLockContention());
        byte[] monitors = Files.readAllBytes(Workloads.monitorContention());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            out.writeBytes(parkLocks);
            out.writeBytes(monitors);
        }
        return Files.write(dir.resolve("multi.jfr"), out.toByteArray());
    }

    private static String json(RecordingModel model) throws Exception {
        StringWriter out = new StringWriter();
        JsonSummaryRenderer.render(Analyzer.analyze(model, Diagnosis.diagnose(model)), out);
        return out.toString();
    }
}
