package paragent.analyzer.diagnosis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis with its full account of the workers' time: the findings as {@link Diagnosis#diagnose}
 * gives them, and, without the findings' reporting thresholds, every worker-thread second the rules
 * attributed per cause and the running time none of them claimed. Immutable.
 *
 * @param findings the findings, largest lost time first (as {@link Diagnosis#diagnose} returns them)
 * @param grantedSeconds per kind, the worker-thread seconds the ledger granted to that kind's rule,
 *     reported or not; kinds granted nothing are absent
 * @param unclaimedRunningSeconds the workers' running time that no rule claimed: their useful CPU time
 * @param unclaimedWaitingForCpuSeconds the workers' time runnable but waiting for a core that no rule
 *     claimed: cores taken by the JVM's other threads or by other processes
 */
public record Accounting(List<Finding> findings, Map<FindingKind, Double> grantedSeconds,
                         double unclaimedRunningSeconds, double unclaimedWaitingForCpuSeconds) {

    public Accounting {
        findings = List.copyOf(findings);
        grantedSeconds = grantedSeconds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(grantedSeconds));
    }
}
