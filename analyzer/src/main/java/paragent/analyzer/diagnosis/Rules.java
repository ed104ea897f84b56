package paragent.analyzer.diagnosis;

import java.util.List;

/** The registry of diagnosis rules. Stateless; thread-safe. */
public final class Rules {

    private Rules() {
    }

    /**
     * @return every rule, in the order they draw on the {@link Ledger}: the most specific cause
     *     first — locks, GC, process starts, inter-process communication and waits for a GPU are
     *     measured directly (IPC after the starts: see {@link IpcRule}; GPU transfers after IPC: see
     *     {@link GpuTransferRule}); a pool's task hand-off
     *     (which also makes its workers wait for a core behind the submitter) before
     *     oversubscription; serial sections before load imbalance
     */
    public static List<Rule> all() {
        return List.of(
                new LockContentionRule(),
                new GcRule(),
                new ProcessSpawnRule(),
                new IpcRule(),
                new GpuTransferRule(),
                new TaskOverheadRule(),
                new OversubscriptionRule(),
                new SerialSectionRule(),
                new LoadImbalanceRule());
    }
}
