package paragent.analyzer;

import java.util.List;
import paragent.analyzer.diagnosis.Finding;
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
 */
public record Analysis(String recordingName, JvmInfo jvm, double wallSeconds, int workerThreads,
                       long samplePeriodNanos, List<ThreadTime> threads, List<LockModel> locks,
                       List<Finding> findings, List<String> warnings) {

    public Analysis {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** @return {@code workerThreads × wallSeconds}: the denominator of every share */
    public double totalWorkerSeconds() {
        return workerThreads * wallSeconds;
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
