package paragent.analyzer.model;

import java.util.List;

/**
 * Virtual threads that blocked while pinned to their carrier thread ({@code jdk.VirtualThreadPinned},
 * JDK 21+; by default only blocks of 20 ms or more are recorded): a pinned virtual thread holds a
 * carrier, so the other virtual threads have fewer to run on. Immutable.
 *
 * @param events pinned blocks recorded
 * @param pinnedSeconds their total duration
 * @param maxSeconds the longest
 * @param reasons why they were pinned, most pinned time first (at most {@link #MAX_REASONS})
 */
public record VirtualThreadPinning(long events, double pinnedSeconds, double maxSeconds, List<Reason> reasons) {

    /** Reasons kept, at most; the rest are counted under {@link #OTHER}. */
    public static final int MAX_REASONS = 20;
    /** The reason of the blocks beyond {@link #MAX_REASONS} distinct reasons. */
    public static final String OTHER = "(other reasons)";

    public VirtualThreadPinning {
        reasons = List.copyOf(reasons);
    }

    /** No pinned virtual thread recorded (or a JDK without virtual threads). */
    public static VirtualThreadPinning empty() {
        return new VirtualThreadPinning(0, 0, 0, List.of());
    }

    /**
     * One reason for pinning: JDK 24+'s {@code pinnedReason}, else the top application frame.
     *
     * @param reason what held the virtual thread on its carrier
     * @param events pinned blocks with this reason
     * @param pinnedSeconds their total duration
     */
    public record Reason(String reason, long events, double pinnedSeconds) {
    }
}
