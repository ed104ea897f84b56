package paragent.agent.bootstrap;

/**
 * Receives every contended acquisition seen by {@link LockWaits}, whatever its length. The
 * agent's aggregator implements it from its own class loader. Called concurrently from
 * application threads on their contended path: implementations must be thread-safe, fast, must
 * never block on application locks and must not throw.
 */
public interface LockWaitSink {

    /**
     * @param sync      the {@code AbstractQueuedSynchronizer} that was contended
     * @param shared    whether it was a shared-mode acquisition
     * @param waitNanos how long the acquisition waited
     */
    void record(Object sync, boolean shared, long waitNanos);
}
