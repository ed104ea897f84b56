package paragent.demo.gpuoffload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one host thread sent to and ran on the device, counted by the demo itself: exact bytes
 * each way, kernel launches, and the host's wall time around each transfer and each batch of
 * launches, from the enqueue until it is done (the demo's queues are not profiled: a profiler may turn
 * profiling on, the demo must not depend on it). Not thread-safe: one meter per thread, added up
 * with {@link #add} after the threads have ended.
 */
final class OffloadMeter {

    private long bytesToDevice;
    private long bytesFromDevice;
    private long kernelLaunches;
    private long transferNanos;
    private long kernelNanos;

    /** Counts {@code bytes} written to the device in {@code nanos} of host wall time. */
    void sent(long bytes, long nanos) {
        bytesToDevice += bytes;
        transferNanos += nanos;
    }

    /** Counts {@code bytes} read from the device in {@code nanos} of host wall time. */
    void received(long bytes, long nanos) {
        bytesFromDevice += bytes;
        transferNanos += nanos;
    }

    /** Counts {@code launches} kernel launches that ran in {@code nanos} of host wall time. */
    void ran(long launches, long nanos) {
        kernelLaunches += launches;
        kernelNanos += nanos;
    }

    /** Adds another thread's counts to this meter. */
    void add(OffloadMeter other) {
        bytesToDevice += other.bytesToDevice;
        bytesFromDevice += other.bytesFromDevice;
        kernelLaunches += other.kernelLaunches;
        transferNanos += other.transferNanos;
        kernelNanos += other.kernelNanos;
    }

    /** The demo's metrics, in the order printed. */
    Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("bytesToDevice", Long.toString(bytesToDevice));
        metrics.put("bytesFromDevice", Long.toString(bytesFromDevice));
        metrics.put("kernelLaunches", Long.toString(kernelLaunches));
        metrics.put("transferMillis", Long.toString(transferNanos / 1_000_000L));
        metrics.put("kernelMillis", Long.toString(kernelNanos / 1_000_000L));
        return metrics;
    }
}
