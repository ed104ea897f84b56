package paragent.analyzer.model;

import java.util.List;

/**
 * What one recording says about threads, locks, pools, processes, GC, IPC and GPU use: the input of the diagnosis
 * rules. Immutable.
 *
 * @param recordingName the file name
 * @param jvm the recorded JVM
 * @param wallSeconds from the first to the last event
 * @param samplePeriodNanos period of {@code jdk.ExecutionSample}; 0 when none was recorded
 * @param monitorThresholdNanos threshold of {@code jdk.JavaMonitorEnter}: shorter contended enters
 *              are not in the recording; 0 when unknown
 * @param threads every Java thread seen, with workers flagged
 * @param locks every lock with contended waits
 * @param warnings problems that reduce accuracy but did not stop the analysis
 * @param timeline every thread's states over time
 * @param executors the thread pools, most tasks first
 * @param processes the JVM's CPU use and its child processes
 * @param gc garbage-collection pauses and allocation
 * @param samples execution samples' times and top frames per thread
 * @param ipc channels, serialization and mapped files (empty without paragent's IPC events)
 * @param run where the recording belongs in a multi-process run
 * @param gpu OpenCL device use (empty without paragent's GPU events)
 * @param flames the stacks for flame graphs (empty when none were recorded)
 * @param pinning virtual threads blocked while pinned to their carrier (empty when none were recorded)
 */
public record RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                             long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                             List<String> warnings, Timeline timeline, List<ExecutorModel> executors,
                             ProcessModel processes, GcModel gc, SampledFrames samples, IpcModel ipc,
                             RunIdentity run, GpuModel gpu, FlameStacks flames, VirtualThreadPinning pinning) {

    public RecordingModel {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        warnings = List.copyOf(warnings);
        executors = List.copyOf(executors);
    }

    /** A model without pinned virtual threads. */
    public RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                          long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                          List<String> warnings, Timeline timeline, List<ExecutorModel> executors,
                          ProcessModel processes, GcModel gc, SampledFrames samples, IpcModel ipc,
                          RunIdentity run, GpuModel gpu, FlameStacks flames) {
        this(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos, threads, locks, warnings,
                timeline, executors, processes, gc, samples, ipc, run, gpu, flames, VirtualThreadPinning.empty());
    }

    /** A model without flame graph stacks. */
    public RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                          long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                          List<String> warnings, Timeline timeline, List<ExecutorModel> executors,
                          ProcessModel processes, GcModel gc, SampledFrames samples, IpcModel ipc,
                          RunIdentity run, GpuModel gpu) {
        this(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos, threads, locks, warnings,
                timeline, executors, processes, gc, samples, ipc, run, gpu, FlameStacks.empty());
    }

    /** A model without GPU use. */
    public RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                          long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                          List<String> warnings, Timeline timeline, List<ExecutorModel> executors,
                          ProcessModel processes, GcModel gc, SampledFrames samples, IpcModel ipc,
                          RunIdentity run) {
        this(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos, threads, locks, warnings,
                timeline, executors, processes, gc, samples, ipc, run, GpuModel.empty());
    }

    /** A model without IPC: its run is known from the JVM info alone. */
    public RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                          long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                          List<String> warnings, Timeline timeline, List<ExecutorModel> executors,
                          ProcessModel processes, GcModel gc, SampledFrames samples) {
        this(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos, threads, locks, warnings,
                timeline, executors, processes, gc, samples, IpcModel.empty(), RunIdentity.of(jvm));
    }

    /** A model of threads and locks only: no timeline, executors, processes or GC. */
    public RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                          long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                          List<String> warnings) {
        this(recordingName, jvm, wallSeconds, samplePeriodNanos, monitorThresholdNanos, threads, locks, warnings,
                Timeline.empty(), List.of(), ProcessModel.empty(), GcModel.empty(), SampledFrames.empty());
    }

    /** @return the threads flagged as workers */
    public List<ThreadTime> workers() {
        return threads.stream().filter(ThreadTime::worker).toList();
    }
}
