package paragent.analyzer.diagnosis;

import java.util.List;
import paragent.analyzer.model.RecordingModel;

/**
 * Finds one kind of cause in a recording. Implementations are stateless and safe for concurrent
 * use. A rule returns findings with their lost time and its own best share; {@link Diagnosis} caps
 * the shares so that together they never exceed 1. A rule that lacks the events it needs returns
 * nothing. Adding a rule = one class + one line in {@link Rules#all()}.
 */
public interface Rule {

    /** @return the kind this rule reports */
    FindingKind kind();

    /**
     * @param model the recording
     * @param totalWorkerSeconds {@code workerThreads × wallSeconds}, the share denominator; > 0
     * @return findings of {@link #kind()}, any order; empty when the cause is absent or negligible
     */
    List<Finding> evaluate(RecordingModel model, double totalWorkerSeconds);
}
