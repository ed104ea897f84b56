package paragent.analyzer;

import java.util.List;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.VirtualThreadPinning;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.flame.FlameGraphs;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.ThreadTime;

/**
 * The result of analyzing one recording: the model the renderers show and the ranked findings.
 * Immutable; safe to share between threads.
 *
 * @param recordingName the recording's file name
 * @param jvm the recorded JVM
 * @param wallSeconds recording duration, first to last event
 * @param workerThreads number of worker threads (see {@link paragent.analyzer.model.WorkerClassifier})
 * @param samplePeriodNanos execution sampling period; 0 when none was recorded
 * @param threads every Java thread seen, workers flagged
 * @param locks every lock with contended waits, most wait first
 * @param findings causes of lost parallelism, most lost time first
 * @param warnings problems that reduced accuracy
 * @param timeline every thread's states over time
 * @param executors the thread pools, most tasks first
 * @param processes the JVM's CPU use and its child processes
 * @param gc garbage-collection pauses and allocation
 * @param ipc channels, serialization and mapped files
 * @param run where the recording belongs in a multi-process run
 * @param gpu OpenCL device use
 * @param flames the flame graphs: CPU, wall clock per worker pool, waiting stacks per contended lock
 * @param pinning virtual threads blocked while pinned to their carrier
 */
public record Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                       long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                       List<Finding> findings, List<String> warnings, Timeline timeline,
                       List<ExecutorModel> executors, ProcessModel processes, GcModel gc, IpcModel ipc,
                       RunIdentity run, GpuModel gpu, FlameGraphs flames, VirtualThreadPinning pinning) {

    public Analysis {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
        executors = List.copyOf(executors);
    }

    /** An analysis without pinned virtual threads. */
    public Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                    long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                    List<Finding> findings, List<String> warnings, Timeline timeline,
                    List<ExecutorModel> executors, ProcessModel processes, GcModel gc, IpcModel ipc,
                    RunIdentity run, GpuModel gpu, FlameGraphs flames) {
        this(recordingName, jvm, wallSeconds, workerThreads, samplePeriodNanos, threads, locks, findings, warnings,
                timeline, executors, processes, gc, ipc, run, gpu, flames, VirtualThreadPinning.empty());
    }

    /** An analysis without flame graphs. */
    public Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                    long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                    List<Finding> findings, List<String> warnings, Timeline timeline,
                    List<ExecutorModel> executors, ProcessModel processes, GcModel gc, IpcModel ipc,
                    RunIdentity run, GpuModel gpu) {
        this(recordingName, jvm, wallSeconds, workerThreads, samplePeriodNanos, threads, locks, findings, warnings,
                timeline, executors, processes, gc, ipc, run, gpu, FlameGraphs.empty());
    }

    /** An analysis without GPU use. */
    public Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                    long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                    List<Finding> findings, List<String> warnings, Timeline timeline,
                    List<ExecutorModel> executors, ProcessModel processes, GcModel gc, IpcModel ipc,
                    RunIdentity run) {
        this(recordingName, jvm, wallSeconds, workerThreads, samplePeriodNanos, threads, locks, findings, warnings,
                timeline, executors, processes, gc, ipc, run, GpuModel.empty());
    }

    /** An analysis without IPC: its run is known from the JVM info alone. */
    public Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                    long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                    List<Finding> findings, List<String> warnings, Timeline timeline,
                    List<ExecutorModel> executors, ProcessModel processes, GcModel gc) {
        this(recordingName, jvm, wallSeconds, workerThreads, samplePeriodNanos, threads, locks, findings, warnings,
                timeline, executors, processes, gc, IpcModel.empty(), RunIdentity.of(jvm));
    }

    /** An analysis of threads and locks only: no timeline, executors, processes or GC. */
    public Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                    long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                    List<Finding> findings, List<String> warnings) {
        this(recordingName, jvm, wallSeconds, workerThreads, samplePeriodNanos, threads, locks, findings, warnings,
                Timeline.empty(), List.of(), ProcessModel.empty(), GcModel.empty());
    }

    /**
     * The effective CPU utilization: for k = 0..n, the seconds during which k application threads
     * were running (rounded to the nearest whole thread, per timeline bucket), with n at least the
     * core count.
     */
    public double[] runningThreadsHistogram() {
        int n = Math.max(jvm.availableProcessors(), 1);
        double[] perBucket = new double[timeline.buckets()];
        for (ThreadTime t : threads) {
            float[][] s = timeline.seconds().get(t.javaId());
            if (t.internal() || s == null) {
                continue;
            }
            for (int b = 0; b < perBucket.length; b++) {
                perBucket[b] += s[ThreadState.RUNNING.ordinal()][b];
            }
        }
        int max = n;
        for (int b = 0; b < perBucket.length; b++) {
            double width = timeline.bucketWidth(b);
            perBucket[b] = width > 0 ? perBucket[b] / width : 0;
            max = Math.max(max, (int) Math.round(perBucket[b]));
        }
        double[] histogram = new double[max + 1];
        for (int b = 0; b < perBucket.length; b++) {
            histogram[(int) Math.round(perBucket[b])] += timeline.bucketWidth(b);
        }
        return histogram;
    }

    /** @return {@code workerThreads × wallSeconds}: the denominator of every share */
    public double totalWorkerSeconds() {
        return workerThreads * wallSeconds;
    }

    /** @return the CPU time of the whole JVM (user + system) when recorded, else its threads' summed CPU */
    public double cpuSeconds() {
        if (processes.jvmUserSeconds() != null && processes.jvmSystemSeconds() != null) {
            return processes.jvmUserSeconds() + processes.jvmSystemSeconds();
        }
        return threads.stream().mapToDouble(ThreadTime::cpuSeconds).sum();
    }

    /** @return the workers' summed running time over {@link #totalWorkerSeconds()}; 0 without workers */
    public double workerRunningShare() {
        double total = totalWorkerSeconds();
        if (total <= 0) {
            return 0;
        }
        double running = threads.stream().filter(ThreadTime::worker).mapToDouble(ThreadTime::runningSeconds).sum();
        return Math.min(1, running / total);
    }
}
