package paragent.analyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.flame.FlameGraphBuilder;
import paragent.analyzer.load.RecordingLoader;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.tree.Coordinators;
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
        return analyze(RecordingLoader.load(recording));
    }

    /**
     * @param warning one of an analysis' warnings
     * @return true when it says the recording itself was damaged (the analysis covers only part of it)
     */
    public static boolean isDamagedInput(String warning) {
        return warning.contains(RecordingLoader.DAMAGED);
    }

    private static Analysis analyze(RecordingModel model) {
        return analyze(model, Diagnosis.diagnose(model));
    }

    /**
     * @param model a loaded recording
     * @param findings its diagnosis (see {@link Diagnosis#diagnose} and {@link Diagnosis#account})
     * @return the analysis of the model with those findings
     */
    public static Analysis analyze(RecordingModel model, List<Finding> findings) {
        return new Analysis(model.recordingName(), model.jvm(), model.wallSeconds(), model.workers().size(),
                model.samplePeriodNanos(), model.threads(), model.locks(), findings,
                model.warnings(), model.timeline(), model.executors(), model.processes(), model.gc(), model.ipc(),
                model.run(), model.gpu(), FlameGraphBuilder.build(model, findings), model.pinning());
    }

    /**
     * Analyzes each recording and merges them into runs: process trees of the JVMs that started one
     * another or talked over a matched socket. One recording gives one run of one process, its
     * analysis unchanged. A parent whose children were recorded too is analyzed without its
     * coordinator threads (see {@link paragent.analyzer.tree.Coordinators}): their waiting is the children's time.
     *
     * @param recordings {@code .jfr} files, at least one
     * @return the runs, in the order of their first recording
     * @throws RecordingException naming the first file that cannot be analyzed
     */
    public static MultiAnalysis analyzeAll(List<Path> recordings) throws RecordingException {
        List<Analysis> analyses = new ArrayList<>();
        for (RecordingModel model : loadRun(recordings)) {
            analyses.add(analyze(model));
        }
        return ProcessTrees.build(analyses);
    }

    /**
     * Loads the recordings of one run as {@link #analyzeAll} analyzes them: with several, a parent's
     * coordinator threads are no workers when its children were recorded too.
     *
     * @param recordings {@code .jfr} files, at least one
     * @return the models, in the order of the recordings
     * @throws RecordingException naming the first file that cannot be analyzed
     */
    public static List<RecordingModel> loadRun(List<Path> recordings) throws RecordingException {
        if (recordings.isEmpty()) {
            throw new RecordingException("no recordings given: name at least one .jfr file");
        }
        List<RecordingModel> models = new ArrayList<>();
        for (Path recording : recordings) {
            models.add(RecordingLoader.load(recording));
        }
        if (models.size() == 1) {
            return models;
        }
        Set<Long> recordedPids = new HashSet<>();
        models.forEach(m -> recordedPids.add(m.run().pid()));
        List<RecordingModel> run = new ArrayList<>();
        for (RecordingModel model : models) {
            run.add(Coordinators.withoutCoordinators(model, recordedPids));
        }
        return run;
    }
}
