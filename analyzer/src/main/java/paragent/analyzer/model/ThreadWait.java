package paragent.analyzer.model;

/**
 * One thread's waits for one lock. Immutable.
 *
 * @param javaId the waiting thread's {@code Thread.getId()}
 * @param threadName its name
 * @param waits contended acquisitions recorded for it
 * @param waitNanos their summed duration
 */
public record ThreadWait(long javaId, String threadName, long waits, long waitNanos) {
}
