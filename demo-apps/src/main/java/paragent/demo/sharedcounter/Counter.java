package paragent.demo.sharedcounter;

/**
 * One counter shared by all workers of a run. Each increment also does a fixed amount of
 * "critical" mixing work: under the lock in the bottleneck counters, on the caller's own state in
 * the fixed one, so both variants do the same work. Implementations are thread-safe.
 */
interface Counter {

    /**
     * Adds one to the count and does the critical work.
     *
     * @param workerState the calling worker's private state
     * @return the worker's new private state (unchanged when the work went into shared state)
     */
    long increment(long workerState);

    /** The count so far; exact once all incrementing threads have finished. */
    long count();
}
