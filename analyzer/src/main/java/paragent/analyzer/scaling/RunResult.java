package paragent.analyzer.scaling;

import java.util.List;
import java.util.Map;
import paragent.analyzer.diagnosis.FindingKind;

/**
 * One analyzed run: its time and where its worker-thread time went, every cause counted without the
 * findings' reporting thresholds. Immutable.
 *
 * @param threads the thread count the run was asked for
 * @param repeat 1-based repeat index among the runs of this count, in the order they ran
 * @param recordings the recordings' file names
 * @param wallSeconds the root recording's duration (first to last event)
 * @param cpuSeconds CPU time of all the run's JVMs
 * @param workerThreads worker threads over all the run's JVMs
 * @param lostThreadSeconds per cause, worker-thread seconds the diagnosis attributed to it (all
 *     rules' ledger claims, below-threshold ones included); besides, {@code OVERSUBSCRIPTION} holds
 *     the workers' waiting for a core that no rule claimed (cores taken by the JVM's other threads
 *     or by other processes), {@code SERIAL_SECTION} the worker slots left empty while fewer
 *     workers than the thread count were alive (before the workers started, after they ended), and
 *     {@code PROCESS_SPAWN} the empty slots of child JVMs booting; when more workers than the thread count were alive (a calling thread that
 *     also works), their idle time beyond the count's slots is taken out of the causes in
 *     proportion; absent causes are absent
 * @param usefulCpuSeconds the workers' running (and unexplained, mostly on-CPU) time no cause claimed, within
 *     the thread count's slots
 * @param foreignCores CPU used by other processes during the run, cores on average; null unknown
 * @param disturbed whether {@code foreignCores} exceeded {@link Scaling#DISTURBED_FOREIGN_CORES}
 */
public record RunResult(int threads, int repeat, List<String> recordings, double wallSeconds, double cpuSeconds,
                        int workerThreads, Map<FindingKind, Double> lostThreadSeconds, double usefulCpuSeconds,
                        Double foreignCores, boolean disturbed) {

    public RunResult {
        recordings = List.copyOf(recordings);
        lostThreadSeconds = Map.copyOf(lostThreadSeconds);
    }
}
