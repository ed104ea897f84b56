package paragent.analyzer.model;

import java.util.List;

/**
 * One executor (thread pool) and the tasks it ran during the recording. Immutable.
 *
 * @param executorId the agent's id for it
 * @param executorClass its runtime class
 * @param kind {@code ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor} or {@code ForkJoinPool}
 * @param parallelism core pool size or ForkJoinPool parallelism; 0 when unknown
 * @param name its workers' group name (e.g. {@code pool-1-thread-N}), or the class's simple name
 * @param creationSite where the application created it, or null (e.g. the common pool)
 * @param tasks tasks run
 * @param submits tasks submitted
 * @param submitNanos time the submitting threads spent in submit calls
 * @param queueWait submit (or trigger) to start of run
 * @param runTime task run times
 * @param submitSite the most frequent sampled submit site, or null
 * @param workerIds javaIds of the threads that ran its tasks
 * @param idleWorkerSeconds its workers' time parked waiting for a task
 */
public record ExecutorModel(long executorId, String executorClass, String kind, int parallelism, String name,
                            String creationSite, long tasks, long submits, long submitNanos,
                            WaitDistribution queueWait, WaitDistribution runTime, String submitSite,
                            List<Long> workerIds, double idleWorkerSeconds) {

    public ExecutorModel {
        workerIds = List.copyOf(workerIds);
    }
}
