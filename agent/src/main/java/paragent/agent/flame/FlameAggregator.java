package paragent.agent.flame;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums samples per (mode, thread, collapsed stack), with bounded memory: at most
 * {@link #MAX_STACKS_PER_MODE} distinct (thread, stack) entries per mode; beyond that a new
 * stack of a thread goes into that thread's {@link #OTHER_STACKS} entry and is counted in
 * {@link #droppedStacks()}. Stacks are collapsed root first and cut at {@link #MAX_FRAMES}
 * frames. Not thread-safe: one reader fills it, then the entries are written.
 */
final class FlameAggregator {

    /** Distinct (thread, stack) entries kept per mode: with ~100 bytes of frames each, a few MB. */
    static final int MAX_STACKS_PER_MODE = 20_000;
    /** Frames kept of a stack, nearest the root first. */
    static final int MAX_FRAMES = 256;
    /** The last frame of a stack cut at {@link #MAX_FRAMES}. */
    static final String TRUNCATED = "[truncated]";
    /** The frames of a thread's entry that holds the stacks beyond the cap. */
    static final String OTHER_STACKS = "[other stacks]";

    /** One aggregated stack. */
    record Entry(FlameMode mode, String thread, String frames, long samples, long weight) {
    }

    private record Key(String thread, String frames) {
    }

    private final Map<FlameMode, Map<Key, long[]>> stacks = new EnumMap<>(FlameMode.class);
    private long droppedStacks;

    /**
     * Adds samples of one stack.
     *
     * @param frames the stack as {@link #collapse} makes it
     * @param weight nanoseconds: samples times the interval, or the wait time
     */
    void add(FlameMode mode, String thread, String frames, long samples, long weight) {
        Map<Key, long[]> ofMode = stacks.computeIfAbsent(mode, m -> new HashMap<>());
        Key key = new Key(thread == null ? "" : thread, frames);
        long[] sums = ofMode.get(key);
        if (sums == null) {
            if (ofMode.size() >= MAX_STACKS_PER_MODE) {
                droppedStacks += samples;
                key = new Key(key.thread(), OTHER_STACKS);
                sums = ofMode.computeIfAbsent(key, k -> new long[2]);
            } else {
                sums = new long[2];
                ofMode.put(key, sums);
            }
        }
        sums[0] += samples;
        sums[1] += weight;
    }

    /**
     * Joins the frames root first with {@code ;}, keeping the {@link #MAX_FRAMES} nearest the
     * root and then {@link #TRUNCATED}.
     */
    static String collapse(List<String> leafFirst) {
        int kept = Math.min(leafFirst.size(), MAX_FRAMES);
        StringBuilder collapsed = new StringBuilder(kept * 32);
        for (int i = leafFirst.size() - 1; i >= leafFirst.size() - kept; i--) {
            if (collapsed.length() > 0) {
                collapsed.append(';');
            }
            collapsed.append(leafFirst.get(i));
        }
        if (kept < leafFirst.size()) {
            collapsed.append(';').append(TRUNCATED);
        }
        return collapsed.toString();
    }

    /** Samples whose new stack the cap folded into {@link #OTHER_STACKS}. */
    long droppedStacks() {
        return droppedStacks;
    }

    /** The entries, mode by mode. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        stacks.forEach((mode, ofMode) -> ofMode.forEach((key, sums) ->
                entries.add(new Entry(mode, key.thread(), key.frames(), sums[0], sums[1]))));
        return entries;
    }
}
