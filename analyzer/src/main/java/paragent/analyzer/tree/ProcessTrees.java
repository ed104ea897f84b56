package paragent.analyzer.tree;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import paragent.analyzer.Analysis;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.RunIdentity;

/**
 * Groups the analyses of several recordings into runs and places each run's JVMs in a tree.
 * Stateless; thread-safe.
 *
 * <p>Two recordings belong to one run when they have the same run id, when one spawned the
 * other's pid or is its recorded parent (and their run ids do not differ), or when a socket
 * between them was matched — whatever their run ids, since every root JVM under the agent makes its
 * own and the JVMs of a distributed program each are a root. The rest are runs of their own, in the
 * order of their first recording. JVMs are told apart by identity (two recordings of one JVM given
 * twice stay two processes).
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * @param analyses one per recording, in command-line order; not empty
     * @return the runs they form, each with its merged findings
     */
    public static MultiAnalysis build(List<Analysis> analyses) {
        int n = analyses.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && (sameRun(analyses.get(i), analyses.get(j)) || parentOf(analyses.get(i), analyses.get(j)))) {
                    union(group, i, j);
                }
            }
        }
        Map<Analysis, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(analyses.get(i), i);
        }
        for (Links.SocketPair p : Links.socketPairs(analyses)) {
            union(group, index.get(p.client().process()), index.get(p.server().process()));
        }
        Map<Integer, List<Analysis>> runs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            runs.computeIfAbsent(find(group, i), g -> new ArrayList<>()).add(analyses.get(i));
        }
        List<ProcessTree> trees = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (List<Analysis> run : runs.values()) {
            ProcessTree tree = tree(run);
            trees.add(tree);
            warnings.addAll(tree.warnings());
        }
        return new MultiAnalysis(trees, warnings);
    }

    private static boolean sameRun(Analysis a, Analysis b) {
        return a.run().runId() != null && a.run().runId().equals(b.run().runId());
    }

    private static boolean compatible(Analysis a, Analysis b) {
        return a.run().runId() == null || b.run().runId() == null || a.run().runId().equals(b.run().runId());
    }

    /** @return whether {@code parent} started {@code child}: it spawned its pid, or is its recorded parent */
    static boolean parentOf(Analysis parent, Analysis child) {
        long pid = child.run().pid();
        if (pid < 0 || parent == child || !compatible(parent, child)) {
            return false;
        }
        return child.run().parentPid() == parent.run().pid() && parent.run().pid() >= 0
                || parent.processes().children().stream().anyMatch(c -> c.pid() == pid);
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            group[i] = group[group[i]];
            i = group[i];
        }
        return i;
    }

    private static void union(int[] group, int i, int j) {
        group[find(group, i)] = find(group, j);
    }

    /** One run: its tree order, clock offsets, per-process times, links and merged findings. */
    private static ProcessTree tree(List<Analysis> run) {
        List<String> warnings = new ArrayList<>();
        Map<Analysis, Analysis> parents = new IdentityHashMap<>();
        for (Analysis child : run) {
            for (Analysis parent : run) {
                if (parentOf(parent, child) && !parents.containsKey(child) && !ancestor(child, parent, parents)) {
                    parents.put(child, parent);
                }
            }
        }
        List<Analysis> roots = run.stream().filter(a -> !parents.containsKey(a))
                .sorted(Comparator.comparing((Analysis a) -> a.run().start(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Analysis> order = new ArrayList<>();
        Map<Analysis, Integer> depth = new IdentityHashMap<>();
        for (Analysis root : roots) {
            visit(root, 0, run, parents, order, depth);
        }
        Map<Analysis, Double> offsets = ClockOffsets.estimate(order.get(0), run, parents, warnings);
        Analysis rootAnalysis = order.get(0);
        List<ProcessNode> nodes = new ArrayList<>();
        for (Analysis a : order) {
            Analysis parent = parents.get(a);
            double offset = offsets.getOrDefault(a, 0.0);
            nodes.add(new ProcessNode(a.run().pid(), parent != null ? parent.run().pid() : a.run().parentPid(),
                    a.jvm().command(), a.recordingName(), depth.get(a), a, offset,
                    secondsBetween(rootAnalysis.run().start(), a.run().start(), offset),
                    parent == null ? null : bootSeconds(parent, a, offsets.getOrDefault(parent, 0.0), offset),
                    a.cpuSeconds(), a.wallSeconds()));
            warnings.addAll(missingChildren(a, run));
        }
        double wall = 0;
        double workerSeconds = 0;
        for (ProcessNode p : nodes) {
            wall = Math.max(wall, p.startSeconds() + p.wallSeconds());
            workerSeconds += p.analysis().totalWorkerSeconds() + (p.bootSeconds() == null ? 0 : p.bootSeconds());
        }
        Links.Matched links = Links.match(order);
        return new ProcessTree(rootAnalysis.run().runId(), nodes, links.links(),
                FindingMerger.merge(nodes, links, workerSeconds), wall, workerSeconds, warnings);
    }

    private static boolean ancestor(Analysis candidate, Analysis of, Map<Analysis, Analysis> parents) {
        for (Analysis a = of; a != null; a = parents.get(a)) {
            if (a == candidate) {
                return true;
            }
        }
        return false;
    }

    private static void visit(Analysis a, int d, List<Analysis> run, Map<Analysis, Analysis> parents,
                              List<Analysis> order, Map<Analysis, Integer> depth) {
        order.add(a);
        depth.put(a, d);
        run.stream().filter(c -> parents.get(c) == a)
                .sorted(Comparator.comparing((Analysis c) -> c.run().start(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(c -> visit(c, d + 1, run, parents, order, depth));
    }

    /** Seconds from {@code rootStart} to {@code start} (shifted by its clock offset); 0 when either is unknown. */
    private static double secondsBetween(Instant rootStart, Instant start, double offset) {
        if (rootStart == null || start == null) {
            return 0;
        }
        return Duration.between(rootStart, start).toNanos() / 1e9 + offset;
    }

    /** From the parent's start call to the child's recording start, less the agent's start-up. */
    private static Double bootSeconds(Analysis parent, Analysis child, double parentOffset, double childOffset) {
        RunIdentity p = parent.run();
        RunIdentity c = child.run();
        ChildProcess spawn = parent.processes().children().stream().filter(x -> x.pid() == c.pid()).findFirst()
                .orElse(null);
        if (spawn == null || spawn.spawnStartSeconds() == null || p.start() == null || c.start() == null) {
            return null;
        }
        double spawnAt = spawn.spawnStartSeconds() + parentOffset;
        double childStart = Duration.between(p.start(), c.start()).toNanos() / 1e9 + childOffset;
        double agent = c.agentStartSeconds() == null ? 0 : c.agentStartSeconds();
        return Math.max(0, childStart - spawnAt - agent);
    }

    /** Java children of a JVM recorded under {@code children} whose recordings were not given. */
    private static List<String> missingChildren(Analysis a, List<Analysis> run) {
        List<String> warnings = new ArrayList<>();
        if (!a.run().children()) {
            return warnings;
        }
        for (ChildProcess c : a.processes().children()) {
            boolean recorded = run.stream().anyMatch(r -> r.run().pid() == c.pid());
            if (c.pid() >= 0 && !recorded && Objects.equals(c.program(), "java")) {
                warnings.add(String.format(Locale.ROOT, "child %d of %s (%s) has no recording among those given:"
                        + " pass its paragent-%d.jfr too", c.pid(), a.recordingName(), c.program(), c.pid()));
            }
        }
        return warnings;
    }
}
