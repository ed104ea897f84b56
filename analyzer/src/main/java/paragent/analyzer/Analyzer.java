package paragent.analyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.load.RecordingLoader;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

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

    /**
     * TEMPORARY, branch report-render only, so that the CLI compiles: each recording becomes a
     * one-process run. The analyzer's {@code analyzeAll} (issue 5) replaces this whole method.
     */
    public static MultiAnalysis analyzeAll(List<Path> recordings) throws RecordingException {
        List<ProcessTree> runs = new ArrayList<>();
        for (Path recording : recordings) {
            Analysis a = analyze(recording);
            double cpu = (a.processes().jvmUserSeconds() == null ? 0 : a.processes().jvmUserSeconds())
                    + (a.processes().jvmSystemSeconds() == null ? 0 : a.processes().jvmSystemSeconds());
            ProcessNode node = new ProcessNode(a.jvm().pid() == null ? -1 : a.jvm().pid(), -1, a.jvm().command(),
                    a.recordingName(), 0, a, 0, 0, null, cpu, a.wallSeconds());
            runs.add(new ProcessTree(null, List.of(node), List.of(), a.findings(), a.wallSeconds(),
                    a.totalWorkerSeconds(), List.of()));
        }
        return new MultiAnalysis(runs, List.of());
    }
}
