package paragent.analyzer.diagnosis;

import java.util.List;
import paragent.analyzer.model.RecordingModel;

/**
 * Finds one kind of cause in a recording. Implementations are stateless and safe for concurrent
 * use. Rules run in the order of {@link Rules#all()}, each drawing the worker time it attributes
 * from a shared {@link Ledger}, so findings never count the same thread-second twice. A rule that
 * lacks the events it needs returns nothing. Adding a rule = one class + one line in {@link Rules#all()}.
 */
public interface Rule {

    /** @return the kind this rule reports */
    FindingKind kind();

    /**
     * @param model the recording
     * @param ledger the worker time not yet attributed by the rules before this one; a rule's
     *     findings count only the time it was granted
     * @return findings of {@link #kind()}, any order; empty when the cause is absent or negligible
     */
    List<Finding> evaluate(RecordingModel model, Ledger ledger);
}
