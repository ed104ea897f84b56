package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;

/**
 * {@link FindingKind#PROCESS_SPAWN}: worker time spent starting child processes. Lost time is the
 * time workers spent inside the process start calls, per program; the evidence sets it against
 * what the children then did (lifetime, CPU). Stateless.
 */
public final class ProcessSpawnRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.02;

    /** The states a thread inside a process start call shows up in. */
    private static final ThreadState[] SPAWNING = {ThreadState.OTHER, ThreadState.RUNNING,
        ThreadState.WAITING_FOR_CPU, ThreadState.PARKED_OTHER, ThreadState.WAITING};

    @Override
    public FindingKind kind() {
        return FindingKind.PROCESS_SPAWN;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        Map<String, List<ChildProcess>> byProgram = new LinkedHashMap<>();
        for (ChildProcess c : model.processes().children()) {
            byProgram.computeIfAbsent(c.program(), p -> new ArrayList<>()).add(c);
        }
        List<Finding> findings = new ArrayList<>();
        byProgram.forEach((program, children) -> {
            double lost = 0;
            double spawn = 0;
            double lifetime = 0;
            double cpu = 0;
            Map<String, Integer> sites = new LinkedHashMap<>();
            for (ChildProcess c : children) {
                spawn += c.spawnSeconds();
                lost += ledger.claimSpread(c.spawnerJavaId(), SPAWNING, c.spawnSeconds());
                lifetime += c.lifetimeSeconds() == null ? 0 : c.lifetimeSeconds();
                cpu += c.cpuSeconds() == null ? 0 : c.cpuSeconds();
                if (c.spawnSite() != null) {
                    sites.merge(c.spawnSite(), 1, Integer::sum);
                }
            }
            if (lost > 0 && lost / ledger.totalWorkerSeconds() >= MIN_SHARE) {
                String where = sites.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(null);
                findings.add(new Finding(kind(), lost, 0, program, where,
                        String.format(Locale.ROOT, "Starting %,d %s processes took the workers %s s",
                                children.size(), program, Texts.decimal(lost)),
                        String.format(Locale.ROOT, "%,d starts, %s s in start calls (%s each on average);"
                                        + " the children lived %s s and used %s s of CPU in all",
                                children.size(), Texts.decimal(spawn),
                                Texts.duration((long) (spawn / children.size() * 1e9)), Texts.decimal(lifetime),
                                Texts.decimal(cpu)),
                        "Start fewer processes: keep a few long-lived workers and send them work (a process pool),"
                                + " or use threads when the work needs no isolation",
                        List.of()));
            }
        });
        return findings;
    }
}
