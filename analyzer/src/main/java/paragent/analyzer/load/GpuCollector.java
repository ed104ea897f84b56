package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Accumulates paragent's OpenCL events ({@code GpuCommand}, {@code GpuSummary}, {@code GpuWait}),
 * one event at a time, for {@link GpuModels}. Events may arrive in any order. At most
 * {@link #MAX_COMMANDS} commands are kept one by one (the rest are counted; the summaries still
 * hold every command's totals). Mutable; confined to the loading thread.
 */
final class GpuCollector {

    /** Commands kept one by one, at most: about 100 bytes each. */
    static final int MAX_COMMANDS = 500_000;
    /** JOCL's entry class: its frames are the enqueue call, not the application's site. */
    static final String JOCL_CL = "org.jocl.CL";

    /** One profiled command: device clock values, the host's enqueue time, the event's own time (epoch ns). */
    record Command(long queueId, String kind, String kernelName, long bytes, long queuedNanos, long startNanos,
                   long endNanos, long hostEnqueueNanos, long eventEpochNanos, String site) {

        boolean kernel() {
            return "kernel".equals(kind);
        }

        long deviceNanos() {
            return startNanos > 0 && endNanos >= startNanos ? endNanos - startNanos : 0;
        }
    }

    final List<Command> commands = new ArrayList<>();
    long droppedCommands;
    /** Per {@code [kind, kernelName]} ("" for none): commands, bytes, device nanoseconds. */
    final Map<List<String>, long[]> summaries = new LinkedHashMap<>();
    /** Per Java thread id: nanoseconds blocked on the device. */
    final Map<Long, Long> waitNanosByThread = new LinkedHashMap<>();
    /** One shared copy of each kind, kernel name and site. */
    private final Map<String, String> interned = new HashMap<>();

    /** The event types {@link #accept} reads. */
    static final Set<String> EVENT_TYPES = Set.of("paragent.GpuCommand", "paragent.GpuSummary", "paragent.GpuWait");

    /** Takes the event when it is one of the GPU events; ignores any other. */
    void accept(String type, RecordedEvent event, ThreadData eventThread, long startNanos, long endNanos) {
        switch (type) {
            case "paragent.GpuCommand" -> onCommand(event, startNanos);
            case "paragent.GpuSummary" -> {
                long[] s = summaries.computeIfAbsent(List.of(orEmpty(event.getString("kind")),
                        orEmpty(event.getString("kernelName"))), k -> new long[3]);
                s[0] += event.getLong("commands");
                s[1] += event.getLong("bytes");
                s[2] += event.getLong("deviceNanos");
            }
            case "paragent.GpuWait" -> {
                if (eventThread != null) {
                    waitNanosByThread.merge(eventThread.javaId, Math.max(0, endNanos - startNanos), Long::sum);
                }
            }
            default -> {
                // Not a GPU event.
            }
        }
    }

    private void onCommand(RecordedEvent event, long eventEpochNanos) {
        if (commands.size() >= MAX_COMMANDS) {
            droppedCommands++;
            return;
        }
        commands.add(new Command(event.getLong("queueId"), intern(event.getString("kind")),
                intern(event.getString("kernelName")), event.getLong("bytes"), event.getLong("queuedNanos"),
                event.getLong("startNanos"), event.getLong("endNanos"), event.getLong("hostEnqueueNanos"),
                eventEpochNanos, intern(Frames.firstApplicationFrame(event.getStackTrace(), JOCL_CL))));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private String intern(String s) {
        return s == null ? null : interned.computeIfAbsent(s, k -> k);
    }
}
