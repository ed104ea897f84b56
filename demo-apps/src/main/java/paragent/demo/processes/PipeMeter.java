package paragent.demo.processes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The parent's own measurement of its pipes to the worker JVMs of one run: the bytes it wrote to
 * their stdin and read from their stdout, and the time its threads spent inside those writes and
 * reads ({@link System#nanoTime()} around each call, summed over the threads).
 *
 * <p>The accuracy tests compare these with what paragent records. Thread-safe: the
 * {@link WorkerPipe}s of one run, served by different threads, add to one meter.
 */
public final class PipeMeter {

    private final LongAdder bytes = new LongAdder();
    private final LongAdder blockedNanos = new LongAdder();

    void add(long byteCount, long nanos) {
        bytes.add(byteCount);
        blockedNanos.add(nanos);
    }

    /** Bytes written to plus bytes read from the workers' pipes so far. */
    public long bytes() {
        return bytes.sum();
    }

    /** Time spent in reads and writes on the workers' pipes so far, summed over the parent's threads. */
    public long blockedNanos() {
        return blockedNanos.sum();
    }

    /** {@code pipeBlockedMillis} and {@code pipeBytes}, as a process-mode run prints them. */
    public Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("pipeBlockedMillis", Long.toString(blockedNanos() / 1_000_000L));
        metrics.put("pipeBytes", Long.toString(bytes()));
        return metrics;
    }
}
