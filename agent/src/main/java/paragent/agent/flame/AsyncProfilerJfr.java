package paragent.agent.flame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the JFR file async-profiler wrote into a {@link FlameAggregator}: {@code jdk.ExecutionSample}
 * as cpu, {@code profiler.WallClockSample} as wall (its {@code samples} field counts the samples a
 * batched event stands for), {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} as lock,
 * weighted by their duration. Also finds which engine async-profiler used for cpu (its
 * {@code jdk.ActiveSetting} {@code engine}). Not thread-safe; one file per instance.
 */
final class AsyncProfilerJfr {

    /** Frame types of async-profiler's JFR that are not Java methods: shown by their symbol alone. */
    private static final Set<String> NATIVE_FRAME_TYPES = Set.of("Native", "C++", "Kernel");
    /** Collapsed stacks remembered by identity: the parser shares a chunk's stack trace objects. */
    private static final int FRAME_CACHE_SIZE = 10_000;

    private final long cpuIntervalNanos;
    private final long wallIntervalNanos;
    private final Map<RecordedStackTrace, String> frameCache = new IdentityHashMap<>();
    private String engine = "";

    AsyncProfilerJfr(long cpuIntervalNanos, long wallIntervalNanos) {
        this.cpuIntervalNanos = cpuIntervalNanos;
        this.wallIntervalNanos = wallIntervalNanos;
    }

    /** Adds the samples of {@code file} to {@code into}. */
    void read(Path file, FlameAggregator into) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                add(recording.readEvent(), into);
            }
        }
    }

    /** async-profiler's name for the engine it sampled with ({@code perf_events}, {@code ctimer}, ...), or "". */
    String engine() {
        return engine;
    }

    private void add(RecordedEvent event, FlameAggregator into) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample":
                into.add(FlameMode.CPU, threadName(event.getThread("sampledThread")), frames(event), 1,
                        cpuIntervalNanos);
                break;
            case "profiler.WallClockSample":
                long samples = Math.max(1, event.getInt("samples"));
                into.add(FlameMode.WALL, threadName(event.getThread("sampledThread")), frames(event), samples,
                        samples * wallIntervalNanos);
                break;
            case "jdk.JavaMonitorEnter":
            case "jdk.ThreadPark":
                into.add(FlameMode.LOCK, threadName(event.getThread("eventThread")), frames(event), 1,
                        event.getDuration().toNanos());
                break;
            case "jdk.ActiveSetting":
                if (engine.isEmpty() && "engine".equals(event.getString("name"))) {
                    engine = event.getString("value");
                }
                break;
            default:
                break;
        }
    }

    private static String threadName(RecordedThread thread) {
        String name = thread == null ? null : thread.getJavaName();
        return name == null ? "" : name;
    }

    /** The event's stack collapsed by {@link FlameAggregator#collapse}. */
    private String frames(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return "";
        }
        String frames = frameCache.get(stack);
        if (frames == null) {
            if (frameCache.size() >= FRAME_CACHE_SIZE) {
                frameCache.clear();
            }
            List<String> leafFirst = new ArrayList<>();
            for (RecordedFrame frame : stack.getFrames()) {
                leafFirst.add(name(frame));
            }
            frames = FlameAggregator.collapse(leafFirst);
            frameCache.put(stack, frames);
        }
        return frames;
    }

    /** {@code pkg.Class.method} for a Java frame, the symbol for a native one. */
    static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "[unknown]";
        }
        if (NATIVE_FRAME_TYPES.contains(frame.getType()) || method.getType() == null) {
            return method.getName();
        }
        return method.getType().getName() + "." + method.getName();
    }
}
