package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;

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
        return account(model, rules).findings();
    }

    /** Runs {@link Rules#all()} and accounts for the workers' time. */
    public static Accounting account(RecordingModel model) {
        return account(model, Rules.all());
    }

    /**
     * Runs the rules like {@link #diagnose(RecordingModel, List)} and keeps the ledger's tally: what
     * each kind's rule was granted, below its reporting threshold too, and the running time left.
     *
     * @param model the recording
     * @param rules the rules to run
     * @return the findings and the account; empty without workers
     */
    public static Accounting account(RecordingModel model, List<Rule> rules) {
        Ledger ledger = new Ledger(model);
        double totalWorkerSeconds = ledger.totalWorkerSeconds();
        if (totalWorkerSeconds <= 0) {
            return new Accounting(List.of(), Map.of(), 0, 0, Map.of(), new double[0], new double[0], new double[0],
                    new double[0]);
        }
        List<Finding> findings = new ArrayList<>();
        Map<FindingKind, double[]> byBucket = new EnumMap<>(FindingKind.class);
        double[] before = ledger.claimedPerBucket();
        for (Rule rule : rules) {
            ledger.claimingFor(rule.kind());
            for (Finding f : rule.evaluate(model, ledger)) {
                findings.add(f.withShare(f.lostThreadSeconds() / totalWorkerSeconds));
            }
            double[] after = ledger.claimedPerBucket();
            double[] mine = byBucket.computeIfAbsent(rule.kind(), k -> new double[after.length]);
            for (int b = 0; b < after.length; b++) {
                mine[b] += after[b] - before[b];
            }
            before = after;
        }
        findings.sort(Comparator.comparingDouble(Finding::lostThreadSeconds).reversed());
        double shareSum = findings.stream().mapToDouble(Finding::share).sum();
        if (shareSum > 1) {
            findings.replaceAll(f -> f.withShare(f.share() / shareSum));
        }
        return new Accounting(findings, ledger.grantedSeconds(),
                ledger.unclaimedSeconds(ThreadState.RUNNING) + ledger.unclaimedSeconds(ThreadState.OTHER),
                ledger.unclaimedSeconds(ThreadState.WAITING_FOR_CPU), byBucket,
                ledger.unclaimedPerBucket(ThreadState.RUNNING, ThreadState.OTHER),
                ledger.unclaimedPerBucket(ThreadState.RUNNING), ledger.unclaimedPerBucket(ThreadState.WAITING_FOR_CPU),
                ledger.claimedPerBucket(ThreadState.NOT_ALIVE));
    }
}
