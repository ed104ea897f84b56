package paragent.analyzer.model;

/**
 * A stretch of time the device spent on transfers or on kernels, on the recording's clock.
 * Immutable.
 *
 * @param startSeconds seconds from the recording's start
 * @param endSeconds seconds from the recording's start, ≥ {@code startSeconds}
 * @param kind {@link #TRANSFER} or {@link #KERNEL}
 */
public record GpuInterval(double startSeconds, double endSeconds, String kind) {

    /** The kind of an interval of memory commands: reads, writes, copies, fills, maps. */
    public static final String TRANSFER = "transfer";
    /** The kind of an interval of kernel executions. */
    public static final String KERNEL = "kernel";

    /** @return true for kernel time */
    public boolean kernel() {
        return KERNEL.equals(kind);
    }
}
