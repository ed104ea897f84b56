package paragent.analyzer;

import java.nio.file.Path;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.load.RecordingLoader;
import paragent.analyzer.model.RecordingModel;

/**
 * Entry point: analyzes any JFR recording (paragent's or a plain {@code -XX:StartFlightRecording}
 * one). Stateless; safe for concurrent use.
 */
public final class Analyzer {

    private Analyzer() {
    }

    /**
     * Reads the recording in one pass, builds the model and runs every diagnosis rule.
     *
     * @param recording a {@code .jfr} file
     * @return the analysis; a damaged file that still had events gives a partial one with a warning
     * @throws RecordingException with a one-line user message when the file cannot be analyzed
     */
    public static Analysis analyze(Path recording) throws RecordingException {
        RecordingModel model = RecordingLoader.load(recording);
        return new Analysis(model.recordingName(), model.jvm(), model.wallSeconds(), model.workers().size(),
                model.samplePeriodNanos(), model.threads(), model.locks(), Diagnosis.diagnose(model),
                model.warnings(), model.timeline(), model.executors(), model.processes(), model.gc());
    }
}
