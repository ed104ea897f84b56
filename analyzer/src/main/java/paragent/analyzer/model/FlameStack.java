package paragent.analyzer.model;

import java.util.List;

/**
 * One collapsed stack of a flame graph and how much it weighs. Immutable.
 *
 * @param thread the Java name of the thread it was seen on; null when unknown or not kept
 * @param frames the frames, root first ({@code pkg.Class.method} or a native symbol)
 * @param samples samples (or waits) of this stack
 * @param weight what they weigh: sampled nanoseconds for CPU and wall stacks, wait nanoseconds for lock stacks
 */
public record FlameStack(String thread, List<String> frames, long samples, long weight) {

    public FlameStack {
        frames = List.copyOf(frames);
    }
}
