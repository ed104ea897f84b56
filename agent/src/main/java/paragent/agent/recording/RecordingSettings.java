package paragent.agent.recording;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Configuration;

/**
 * The JFR settings of a paragent recording: the JDK's {@code default} configuration (under 1%
 * overhead by its own account) with the events that explain lost parallelism tuned for accuracy.
 * See docs/EVENTS.md for why each threshold is what it is.
 */
final class RecordingSettings {

    static final String MONITOR_WAIT_THRESHOLD = "1 ms";
    static final String PARK_THRESHOLD = "1 ms";
    static final String SLEEP_THRESHOLD = "1 ms";
    static final String NATIVE_SAMPLE_PERIOD = "20 ms";
    static final String LOAD_PERIOD = "1 s";
    static final String IO_THRESHOLD = "1 ms";
    static final String ALLOCATION_SAMPLE_THROTTLE = "150/s";
    static final String GPU_WAIT_THRESHOLD = "10 us";

    private RecordingSettings() {
    }

    /**
     * @param threshold contended waits at least this long become events with stack traces
     * @param samplePeriod period of the execution sampler
     */
    static Map<String, String> create(Duration threshold, Duration samplePeriod) throws IOException, ParseException {
        Map<String, String> settings = new HashMap<>(Configuration.getConfiguration("default").getSettings());
        String thresholdText = threshold.toNanos() + " ns";

        enable(settings, "jdk.JavaMonitorEnter", thresholdText, true);
        enable(settings, "jdk.JavaMonitorWait", MONITOR_WAIT_THRESHOLD, true);
        enable(settings, "jdk.ThreadPark", PARK_THRESHOLD, true);
        enable(settings, "jdk.ThreadSleep", SLEEP_THRESHOLD, true);
        periodic(settings, "jdk.ExecutionSample", samplePeriod.toMillis() + " ms");
        periodic(settings, "jdk.NativeMethodSample", NATIVE_SAMPLE_PERIOD);
        periodic(settings, "jdk.ThreadCPULoad", LOAD_PERIOD);
        periodic(settings, "jdk.CPULoad", LOAD_PERIOD);
        settings.put("jdk.ThreadStart#enabled", "true");
        settings.put("jdk.ThreadEnd#enabled", "true");
        enable(settings, "jdk.SocketRead", IO_THRESHOLD, true);
        enable(settings, "jdk.SocketWrite", IO_THRESHOLD, true);
        enable(settings, "jdk.FileRead", IO_THRESHOLD, true);
        enable(settings, "jdk.FileWrite", IO_THRESHOLD, true);
        settings.put("jdk.GarbageCollection#enabled", "true");
        settings.put("jdk.GarbageCollection#threshold", "0 ms");
        settings.put("jdk.GCPhasePause#enabled", "true");
        settings.put("jdk.GCPhasePause#threshold", "0 ms");
        settings.put("jdk.ObjectAllocationSample#enabled", "true");
        settings.put("jdk.ObjectAllocationSample#throttle", ALLOCATION_SAMPLE_THROTTLE);
        settings.put("jdk.ObjectAllocationSample#stackTrace", "true");
        settings.put("jdk.ProcessStart#enabled", "true");
        settings.put("jdk.ProcessStart#stackTrace", "true");

        enable(settings, "paragent.LockWait", thresholdText, true);
        enable(settings, "paragent.LockWaitNoStack", thresholdText, false);
        // Summaries are written every second by the agent and, through JFR's endChunk hook,
        // once more when the recording ends, so that the final interval is never lost.
        periodic(settings, "paragent.LockSummary", "endChunk");
        periodic(settings, "paragent.ThreadTimes", "endChunk");
        periodic(settings, "paragent.SchedStat", "endChunk");
        // Written from the same hook for the children still alive at recording end.
        periodic(settings, "paragent.ProcessExit", "endChunk");
        // Written from the same hook: async-profiler's stacks, aggregated (see FlameRecorder).
        periodic(settings, "paragent.FlameInfo", "endChunk");
        settings.put("paragent.FlameStack#enabled", "true");
        settings.put("paragent.ProcessSpawn#enabled", "true");
        settings.put("paragent.ProcessSpawn#threshold", "0 ns");
        settings.put("paragent.ProcessSpawn#stackTrace", "true");
        periodic(settings, "paragent.ExecutorSummary", "endChunk");
        settings.put("paragent.ExecutorCreated#enabled", "true");
        settings.put("paragent.ExecutorCreated#stackTrace", "true");
        settings.put("paragent.ExecutorWorker#enabled", "true");
        settings.put("paragent.RunInfo#enabled", "true");
        periodic(settings, "paragent.ChannelSummary", "endChunk");
        periodic(settings, "paragent.SerializationSummary", "endChunk");
        periodic(settings, "paragent.FileLockSummary", "endChunk");
        // The agent decides which ChannelOpen and ChannelOp events to write (see ChannelAggregator).
        enable(settings, "paragent.ChannelOpen", "0 ns", true);
        enable(settings, "paragent.ChannelOp", "0 ns", true);
        enable(settings, "paragent.FileLockWait", thresholdText, true);
        settings.put("paragent.MappedFile#enabled", "true");
        settings.put("paragent.MappedFile#stackTrace", "true");
        periodic(settings, "paragent.GpuSummary", "endChunk");
        // The agent limits GpuCommand events to 2,000 a second itself (see GpuAggregator).
        enable(settings, "paragent.GpuCommand", "0 ns", true);
        enable(settings, "paragent.GpuWait", GPU_WAIT_THRESHOLD, true);
        return settings;
    }

    private static void enable(Map<String, String> settings, String event, String threshold, boolean stackTrace) {
        settings.put(event + "#enabled", "true");
        settings.put(event + "#threshold", threshold);
        settings.put(event + "#stackTrace", Boolean.toString(stackTrace));
    }

    private static void periodic(Map<String, String> settings, String event, String period) {
        settings.put(event + "#enabled", "true");
        settings.put(event + "#period", period);
    }
}
