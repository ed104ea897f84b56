package paragent.analyzer.flame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.FlameStack;
import paragent.analyzer.model.FlameStacks;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadTime;

/**
 * Chooses and builds a process's flame graphs from its recorded stacks. Stateless; thread-safe.
 *
 * <ul>
 * <li>CPU, whole process: async-profiler's {@code cpu} stacks; without them, JFR's execution
 *     samples (each weighs one sampling period), and the note says so.</li>
 * <li>Wall clock per worker pool: async-profiler's {@code wall} stacks grouped by the pool of their
 *     thread: an executor's workers form its pool (named as the executor table names it), other
 *     threads are grouped by name pattern ({@code pool-1-thread-N}). Only pools with a worker thread,
 *     the {@link #MAX_POOL_GRAPHS} heaviest.</li>
 * <li>Lock, per LOCK_CONTENTION finding (at most {@link #MAX_LOCK_GRAPHS}): the waiting stacks of
 *     the locks of its subject's class, weighted by wait time.</li>
 * </ul>
 */
public final class FlameGraphBuilder {

    /** Wall-clock graphs at most: one per pool, the heaviest. */
    public static final int MAX_POOL_GRAPHS = 8;
    /** Lock graphs at most: one per LOCK_CONTENTION finding, in the findings' order. */
    public static final int MAX_LOCK_GRAPHS = 10;
    /** The source of a CPU graph built from jdk.ExecutionSample. */
    public static final String JFR_SAMPLES = "JFR execution samples";

    private FlameGraphBuilder() {
    }

    /**
     * @param model the recording's model, with its stacks
     * @param findings its findings: each LOCK_CONTENTION one gets a lock graph
     * @return the graphs; none when the recording holds no stacks
     */
    public static FlameGraphs build(RecordingModel model, List<Finding> findings) {
        FlameStacks stacks = model.flames();
        List<String> notes = new ArrayList<>();
        if (!stacks.note().isBlank()) {
            notes.add(stacks.note().strip());
        }
        List<FlameGraph> graphs = new ArrayList<>();
        FlameGraph cpu = cpu(stacks, notes);
        if (cpu != null) {
            graphs.add(cpu);
        }
        graphs.addAll(wallPerPool(stacks.mode("wall"), model, notes));
        if (stacks.mode("wall").isEmpty() && (stacks.modes() == null || !stacks.modes().contains("wall"))) {
            notes.add("Wall-clock graphs per worker pool come from async-profiler: run the agent with "
                    + "flame=cpu+wall (or flame=wall).");
        }
        graphs.addAll(locks(stacks, findings));
        if (stacks.droppedStacks() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d rare stacks were folded into [other stacks] to bound memory.",
                    stacks.droppedStacks()));
        }
        String engine = stacks.engine() != null && !stacks.engine().isBlank() ? stacks.engine() : "jfr";
        return new FlameGraphs(engine, stacks.modes(), stacks.cpuEvent(), String.join(" ", notes), graphs);
    }

    private static FlameGraph cpu(FlameStacks stacks, List<String> notes) {
        if (!stacks.mode("cpu").isEmpty()) {
            return graph("flame-cpu", "CPU (whole process)", "cpu", "async-profiler " + cpuEventName(stacks.cpuEvent()),
                    null, stacks.mode("cpu"));
        }
        if (stacks.executionSamples().isEmpty()) {
            return null;
        }
        if (!String.join(" ", notes).contains(JFR_SAMPLES)) {
            notes.add("CPU flame graph from " + JFR_SAMPLES + " (the recording has no async-profiler CPU stacks).");
        }
        long period = Math.max(1, stacks.samplePeriodNanos());
        List<FlameStack> weighted = new ArrayList<>(stacks.executionSamples().size());
        for (FlameStack s : stacks.executionSamples()) {
            weighted.add(new FlameStack(s.thread(), s.frames(), s.samples(), s.samples() * period));
        }
        return graph("flame-cpu", "CPU (whole process)", "cpu", JFR_SAMPLES, null, weighted);
    }

    private static String cpuEventName(String cpuEvent) {
        return switch (cpuEvent == null ? "" : cpuEvent) {
            case "cpu" -> "cpu (perf events)";
            case "ctimer", "itimer" -> cpuEvent + " (timer)";
            case "" -> "cpu";
            default -> cpuEvent;
        };
    }

    /** Wall stacks grouped by their thread's pool; only pools with a worker, heaviest first. */
    static List<FlameGraph> wallPerPool(List<FlameStack> wall, RecordingModel model, List<String> notes) {
        Map<String, String> poolOfThread = new HashMap<>();
        Set<String> workerPools = new LinkedHashSet<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadTime t : model.threads()) {
            names.put(t.javaId(), t.name());
            if (t.name() != null) {
                poolOfThread.putIfAbsent(t.name(), t.group() != null ? t.group() : t.name());
            }
        }
        for (ExecutorModel e : model.executors()) {
            for (long id : e.workerIds()) {
                String name = names.get(id);
                if (name != null) {
                    poolOfThread.put(name, e.name());
                }
            }
        }
        for (ThreadTime t : model.threads()) {
            if (t.worker() && t.name() != null) {
                workerPools.add(poolOfThread.get(t.name()));
            }
        }
        Map<String, List<FlameStack>> byPool = new LinkedHashMap<>();
        for (FlameStack s : wall) {
            String pool = s.thread() == null ? null : poolOfThread.getOrDefault(s.thread(), ThreadTime.groupOf(s.thread()));
            if (pool != null && workerPools.contains(pool)) {
                byPool.computeIfAbsent(pool, p -> new ArrayList<>()).add(s);
            }
        }
        List<Map.Entry<String, List<FlameStack>>> pools = new ArrayList<>(byPool.entrySet());
        pools.sort((a, b) -> Long.compare(weight(b.getValue()), weight(a.getValue())));
        if (pools.size() > MAX_POOL_GRAPHS) {
            notes.add(String.format(Locale.ROOT, "%d lighter worker pools have no wall-clock graph.",
                    pools.size() - MAX_POOL_GRAPHS));
        }
        List<FlameGraph> graphs = new ArrayList<>();
        for (Map.Entry<String, List<FlameStack>> pool : pools.subList(0, Math.min(MAX_POOL_GRAPHS, pools.size()))) {
            graphs.add(graph("flame-wall-" + (graphs.size() + 1), "Wall clock of " + pool.getKey(), "wall",
                    "async-profiler wall", pool.getKey(), pool.getValue()));
        }
        return graphs;
    }

    /** One graph per LOCK_CONTENTION finding's lock class with recorded waiting stacks. */
    static List<FlameGraph> locks(FlameStacks stacks, List<Finding> findings) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.kind() == FindingKind.LOCK_CONTENTION && f.subject() != null) {
                subjects.add(f.subject());
            }
        }
        List<FlameGraph> graphs = new ArrayList<>();
        for (String subject : subjects) {
            List<FlameStack> waiting = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            for (Map.Entry<LockKey, List<FlameStack>> lock : stacks.lockWaits().entrySet()) {
                if (lock.getKey().lockClass().equals(subject)) {
                    waiting.addAll(lock.getValue());
                    sources.add(source(lock.getKey()));
                }
            }
            if (!waiting.isEmpty() && graphs.size() < MAX_LOCK_GRAPHS) {
                graphs.add(graph("flame-lock-" + (graphs.size() + 1), "Threads waiting for " + subject, "lock",
                        String.join(", ", sources), subject, waiting));
            }
        }
        return graphs;
    }

    private static String source(LockKey lock) {
        if (lock.kind() == LockKind.MONITOR) {
            return "jdk.JavaMonitorEnter waits";
        }
        if (lock.kind() == LockKind.FILE) {
            return "paragent.FileLockWait waits";
        }
        return lock.identity().isEmpty() ? "jdk.ThreadPark waits" : "paragent.LockWait waits";
    }

    private static FlameGraph graph(String id, String title, String kind, String source, String subject,
                                    List<FlameStack> stacks) {
        FlameNode root = FlameTrees.build(stacks);
        return new FlameGraph(id, title, kind, source, subject, root.samples(), root.weight(), root);
    }

    private static long weight(List<FlameStack> stacks) {
        return stacks.stream().mapToLong(FlameStack::weight).sum();
    }
}
