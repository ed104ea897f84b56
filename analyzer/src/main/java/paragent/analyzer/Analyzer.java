package paragent.analyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.load.RecordingLoader;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTrees;

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
                model.warnings(), model.timeline(), model.executors(), model.processes(), model.gc(), model.ipc(),
                model.run());
    }

    /**
     * Analyzes each recording and merges them into runs: process trees of the JVMs that started one
     * another or talked over a matched socket. One recording gives one run of one process, its
     * analysis unchanged.
     *
     * @param recordings {@code .jfr} files, at least one
     * @return the runs, in the order of their first recording
     * @throws RecordingException naming the first file that cannot be analyzed
     */
    public static MultiAnalysis analyzeAll(List<Path> recordings) throws RecordingException {
        if (recordings.isEmpty()) {
            throw new RecordingException("no recordings given: name at least one .jfr file");
        }
        List<Analysis> analyses = new ArrayList<>();
        for (Path recording : recordings) {
            analyses.add(analyze(recording));
        }
        return ProcessTrees.build(analyses);
    }
}
