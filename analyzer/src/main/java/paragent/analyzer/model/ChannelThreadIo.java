package paragent.analyzer.model;

/**
 * One thread's I/O on one channel: the sums of its {@code paragent.ChannelSummary} events.
 * Immutable.
 *
 * @param javaId {@code Thread.getId()} of the thread that did the I/O
 * @param bytesRead bytes returned by its read calls
 * @param bytesWritten bytes passed to its write calls that returned normally
 * @param reads read calls
 * @param writes write calls
 * @param readSeconds time inside the read calls (blocked + copy)
 * @param writeSeconds time inside the write calls
 * @param idleReadSeconds of {@code readSeconds}, reads that began with nothing available; null when not measured
 */
public record ChannelThreadIo(long javaId, long bytesRead, long bytesWritten, long reads, long writes,
                              double readSeconds, double writeSeconds, Double idleReadSeconds) {
}
