package paragent.analyzer.flame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import paragent.analyzer.model.FlameStack;

/**
 * Builds the tree of a flame graph from collapsed stacks and prunes it to a bounded size. Stateless;
 * thread-safe.
 *
 * <p>Pruning keeps the widest frames: a node narrower than {@link #MIN_FRACTION} of the root is
 * dropped, and of the rest the {@link #MAX_NODES} widest are kept (best-first from the root, so
 * the kept nodes always form a tree: a child is never wider than its parent).
 */
public final class FlameTrees {

    /** The most nodes a graph keeps, root included. */
    public static final int MAX_NODES = 2_000;
    /** Nodes narrower than this fraction of the root are dropped. */
    public static final double MIN_FRACTION = 0.001;
    /** The root frame's name. */
    public static final String ROOT = "all";

    private FlameTrees() {
    }

    /**
     * @param stacks collapsed stacks, root first; their weights sum into the nodes they pass through
     * @return the pruned tree, rooted at {@value #ROOT}
     */
    public static FlameNode build(List<FlameStack> stacks) {
        return build(stacks, MAX_NODES, MIN_FRACTION);
    }

    static FlameNode build(List<FlameStack> stacks, int maxNodes, double minFraction) {
        Mutable root = new Mutable(ROOT);
        for (FlameStack stack : stacks) {
            root.add(stack.samples(), stack.weight());
            Mutable node = root;
            for (String frame : stack.frames()) {
                node = node.children.computeIfAbsent(frame, Mutable::new);
                node.add(stack.samples(), stack.weight());
            }
            node.selfWeight += stack.weight();
        }
        return prune(root, maxNodes, minFraction);
    }

    private static FlameNode prune(Mutable root, int maxNodes, double minFraction) {
        long minWeight = (long) Math.ceil(root.weight * minFraction);
        Comparator<Mutable> widestFirst = Comparator.comparingLong((Mutable m) -> m.weight).reversed();
        PriorityQueue<Mutable> candidates = new PriorityQueue<>(widestFirst);
        root.kept = true;
        int kept = 1;
        offerChildren(root, candidates, minWeight);
        while (kept < maxNodes && !candidates.isEmpty()) {
            Mutable next = candidates.poll();
            next.kept = true;
            kept++;
            offerChildren(next, candidates, minWeight);
        }
        return root.freeze();
    }

    private static void offerChildren(Mutable node, PriorityQueue<Mutable> candidates, long minWeight) {
        for (Mutable child : node.children.values()) {
            if (child.weight >= minWeight && child.weight > 0) {
                candidates.add(child);
            }
        }
    }

    /** A node while stacks are added. */
    private static final class Mutable {
        final String name;
        final Map<String, Mutable> children = new LinkedHashMap<>();
        long weight;
        long selfWeight;
        long samples;
        boolean kept;

        Mutable(String name) {
            this.name = name;
        }

        void add(long stackSamples, long stackWeight) {
            samples += stackSamples;
            weight += stackWeight;
        }

        FlameNode freeze() {
            List<FlameNode> frozen = new ArrayList<>();
            children.values().stream().filter(c -> c.kept)
                    .sorted(Comparator.comparingLong((Mutable m) -> m.weight).reversed())
                    .forEach(c -> frozen.add(c.freeze()));
            return new FlameNode(name, weight, selfWeight, samples, frozen);
        }
    }
}
