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
 * @param unclaimedRunningSeconds the workers' running and unexplained time no rule claimed: their useful time
 *     (unexplained time is mostly on-CPU time the sampled CPU counters could not place)
 * @param unclaimedWaitingForCpuSeconds the workers' time runnable but waiting for a core that no rule
 *     claimed: cores taken by the JVM's other threads or by other processes
 * @param grantedPerBucket per kind, per timeline bucket, the seconds its rule took out of the
 *     workers' timeline (grants drawn on the budget alone are only in {@code grantedSeconds})
 * @param unclaimedBusyPerBucket per bucket, the workers' time running or unexplained (off the
 *     events' intervals, with the CPU counters too coarse to tell: most often running) that no rule
 *     claimed
 * @param unclaimedRunningPerBucket per bucket, the workers' running time no rule claimed
 * @param unclaimedWaitingForCpuPerBucket per bucket, the workers' waiting for a core no rule claimed
 * @param claimedNotAlivePerBucket per bucket, the workers' time before their start or after their end
 *     that a rule claimed (a load imbalance counts ended workers)
 */
public record Accounting(List<Finding> findings, Map<FindingKind, Double> grantedSeconds,
                         double unclaimedRunningSeconds, double unclaimedWaitingForCpuSeconds,
                         Map<FindingKind, double[]> grantedPerBucket, double[] unclaimedBusyPerBucket,
                         double[] unclaimedRunningPerBucket,
                         double[] unclaimedWaitingForCpuPerBucket, double[] claimedNotAlivePerBucket) {

    public Accounting {
        findings = List.copyOf(findings);
        grantedSeconds = grantedSeconds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(grantedSeconds));
        grantedPerBucket = Map.copyOf(grantedPerBucket);
    }
}
