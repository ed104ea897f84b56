package paragent.analyzer.model;

import java.util.List;

/**
 * What one recording says about threads and locks: the input of the diagnosis rules. Immutable.
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
 */
public record RecordingModel(String recordingName, JvmInfo jvm, double wallSeconds, long samplePeriodNanos,
                             long monitorThresholdNanos, List<ThreadTime> threads, List<LockModel> locks,
                             List<String> warnings) {

    public RecordingModel {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        warnings = List.copyOf(warnings);
    }

    /** @return the threads flagged as workers */
    public List<ThreadTime> workers() {
        return threads.stream().filter(ThreadTime::worker).toList();
    }
}
