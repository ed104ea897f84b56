package paragent.analyzer.diagnosis;

import java.util.List;

/** The registry of diagnosis rules. Stateless; thread-safe. */
public final class Rules {

    private Rules() {
    }

    /**
     * @return every rule, in the order they draw on the {@link Ledger}: causes measured directly
     *     (locks, GC, run-queue wait, process starts) before those inferred from idle time, and
     *     task overhead before serial sections before load imbalance, the most specific first
     */
    public static List<Rule> all() {
        return List.of(
                new LockContentionRule(),
                new GcRule(),
                new OversubscriptionRule(),
                new ProcessSpawnRule(),
                new TaskOverheadRule(),
                new SerialSectionRule(),
                new LoadImbalanceRule());
    }
}
