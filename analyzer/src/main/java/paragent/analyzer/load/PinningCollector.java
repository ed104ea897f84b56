package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import paragent.analyzer.model.VirtualThreadPinning;

/**
 * Accumulates {@code jdk.VirtualThreadPinned} events into a {@link VirtualThreadPinning}, keeping at
 * most {@link VirtualThreadPinning#MAX_REASONS} distinct reasons. Mutable; confined to the loading
 * thread.
 */
final class PinningCollector {

    private static final double NANOS_PER_SECOND = 1e9;

    private long events;
    private long pinnedNanos;
    private long maxNanos;
    /** Per reason: events, nanoseconds. */
    private final Map<String, long[]> reasons = new HashMap<>();

    void onPinned(RecordedEvent event, long durationNanos) {
        events++;
        pinnedNanos += durationNanos;
        maxNanos = Math.max(maxNanos, durationNanos);
        String reason = reason(event);
        if (!reasons.containsKey(reason) && reasons.size() >= VirtualThreadPinning.MAX_REASONS) {
            reason = VirtualThreadPinning.OTHER;
        }
        long[] totals = reasons.computeIfAbsent(reason, r -> new long[2]);
        totals[0]++;
        totals[1] += durationNanos;
    }

    VirtualThreadPinning build() {
        List<VirtualThreadPinning.Reason> list = new ArrayList<>();
        reasons.forEach((reason, totals) -> list.add(
                new VirtualThreadPinning.Reason(reason, totals[0], totals[1] / NANOS_PER_SECOND)));
        list.sort(Comparator.comparingDouble(VirtualThreadPinning.Reason::pinnedSeconds).reversed());
        return new VirtualThreadPinning(events, pinnedNanos / NANOS_PER_SECOND, maxNanos / NANOS_PER_SECOND, list);
    }

    /** JDK 24+ names the reason; before, the first frame outside java.lang says where. */
    private static String reason(RecordedEvent event) {
        if (event.hasField("pinnedReason") && event.getString("pinnedReason") != null) {
            return event.getString("pinnedReason");
        }
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (!type.startsWith("java.lang.") && !type.startsWith("jdk.internal.")) {
                    return type + "." + frame.getMethod().getName();
                }
            }
        }
        return "unknown";
    }
}
