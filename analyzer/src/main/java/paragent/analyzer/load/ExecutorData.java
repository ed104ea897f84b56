package paragent.analyzer.load;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Raw facts about one executor, accumulated while the recording is read from
 * {@code paragent.ExecutorCreated}, {@code paragent.ExecutorWorker} and {@code paragent.ExecutorSummary}.
 * Mutable; confined to the loading thread.
 */
final class ExecutorData {

    final long executorId;
    String executorClass;
    String kind;
    int parallelism;
    String creationSite;
    long tasks;
    long submits;
    long submitNanos;
    long runNanos;
    final Histogram queueWaitNanos = new Histogram(2);
    final Histogram runTimeNanos = new Histogram(2);
    /** Sampled submit sites and how often each was the interval's top site. */
    final Map<String, Long> submitSites = new HashMap<>();
    final Set<Long> workerIds = new LinkedHashSet<>();

    ExecutorData(long executorId) {
        this.executorId = executorId;
    }
}
