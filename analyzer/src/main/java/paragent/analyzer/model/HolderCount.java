package paragent.analyzer.model;

/**
 * A thread that held a lock while others waited for it. Immutable.
 *
 * @param threadName the holder's name
 * @param waitsCaused waits during which it was the recorded holder
 */
public record HolderCount(String threadName, long waitsCaused) {
}
