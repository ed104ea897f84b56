package paragent.agent.bootstrap;

/**
 * Receives the {@code FileChannel} lock acquisitions, releases and memory mappings seen by
 * {@link FileLockHooks}. The agent's file-lock aggregator implements it from its own class
 * loader. Called concurrently from application threads: implementations must be thread-safe,
 * must never block on application locks and must not throw.
 */
public interface FileLockSink {

    /**
     * A {@code lock} ({@code blocking}) or {@code tryLock} call returned {@code lock} (null: tryLock
     * found it taken, or the call failed).
     */
    void locked(String path, Object lock, boolean blocking, long callNanos);

    /** {@code lock} was released or invalidated (channel closed); may be called more than once per lock. */
    void released(Object lock);
}
