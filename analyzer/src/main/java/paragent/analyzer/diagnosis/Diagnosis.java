package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import paragent.analyzer.model.RecordingModel;

/**
 * Runs rules over a recording and ranks their findings. Stateless; thread-safe.
 *
 * <p>Findings come out sorted by lost time, largest first. Each share is lost time over the total
 * worker time. The rules draw on one {@link Ledger}, so a thread-second is attributed at most once
 * and the shares add up to at most 1 (a last guard scales them down should they not).
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    /** Runs {@link Rules#all()}. */
    public static List<Finding> diagnose(RecordingModel model) {
        return diagnose(model, Rules.all());
    }

    /**
     * @param model the recording
     * @param rules the rules to run
     * @return the findings, largest lost time first, shares summing to ≤ 1; empty without workers
     */
    public static List<Finding> diagnose(RecordingModel model, List<Rule> rules) {
        Ledger ledger = new Ledger(model);
        double totalWorkerSeconds = ledger.totalWorkerSeconds();
        if (totalWorkerSeconds <= 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            for (Finding f : rule.evaluate(model, ledger)) {
                findings.add(f.withShare(f.lostThreadSeconds() / totalWorkerSeconds));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::lostThreadSeconds).reversed());
        double shareSum = findings.stream().mapToDouble(Finding::share).sum();
        if (shareSum > 1) {
            findings.replaceAll(f -> f.withShare(f.share() / shareSum));
        }
        return List.copyOf(findings);
    }
}
