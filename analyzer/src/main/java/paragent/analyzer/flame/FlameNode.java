package paragent.analyzer.flame;

import java.util.List;

/**
 * One frame of a flame graph: a call path from the root to {@code name}. Immutable.
 *
 * @param name the frame ({@code pkg.Class.method}, a native symbol, or the root's {@code all})
 * @param weight the weight of every stack through this path (nanoseconds)
 * @param selfWeight of {@code weight}, the stacks that end here
 * @param samples the samples (or waits) of every stack through this path
 * @param children the callees kept, heaviest first; pruned ones leave a gap in {@code weight}
 */
public record FlameNode(String name, long weight, long selfWeight, long samples, List<FlameNode> children) {

    public FlameNode {
        children = List.copyOf(children);
    }

    /** @return this node and all below it */
    public int size() {
        int n = 1;
        for (FlameNode child : children) {
            n += child.size();
        }
        return n;
    }
}
