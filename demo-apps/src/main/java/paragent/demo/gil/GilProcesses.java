package paragent.demo.gil;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.PipeMeter;
import paragent.demo.processes.Worker;
import paragent.demo.processes.WorkerPipe;
import paragent.demo.processes.WorkerProcesses;

/**
 * The process mode of {@code gil} ({@code --processes N}): the way CPython escapes its GIL, with
 * worker processes instead of threads.
 *
 * <p>The prime counting is cut into {@value #SLICES} slices; slice {@code s} holds the thread
 * mode's units {@code s, s+16, ...}, so the slices are even and the count is the thread mode's.
 * {@code N} parent threads {@code gil-worker-<i>} each serve slices {@code i, i+N, ...}.
 * Bottleneck: a fresh worker JVM per slice, started, sent its slice and finished, so every slice
 * pays a JVM start (PROCESS_SPAWN at {@link #spawn}). Fixed: one long-lived worker JVM per parent
 * thread, sent its slices one after another over its stdin. A request is a tag byte, the limit,
 * the slice and the slice count; the reply is the slice's prime count. Stateless.
 */
final class GilProcesses implements Worker {

    /** Work units of the process mode. */
    static final int SLICES = 16;

    private static final byte COUNT_SLICE = 'S';
    private static final int REQUEST_BYTES = 1 + Long.BYTES + 2 * Integer.BYTES;

    static DemoResult run(DemoConfig config) throws InterruptedException {
        long limit = config.scaled(GilDemo.DEFAULT_LIMIT);
        int processes = config.processes();
        boolean jvmPerSlice = config.variant() == Variant.BOTTLENECK;
        PipeMeter meter = new PipeMeter();
        LongAdder primes = new LongAdder();
        LongAdder started = new LongAdder();
        long wallNanos = Workers.runAll("gil", processes, index -> {
            if (jvmPerSlice) {
                for (int slice = index; slice < SLICES; slice += processes) {
                    try (WorkerPipe worker = spawn(meter)) {
                        started.increment();
                        primes.add(countSlice(worker, limit, slice));
                        worker.finish();
                    }
                }
            } else {
                try (WorkerPipe worker = spawn(meter)) {
                    started.increment();
                    for (int slice = index; slice < SLICES; slice += processes) {
                        primes.add(countSlice(worker, limit, slice));
                    }
                    worker.finish();
                }
            }
        });
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("units", Integer.toString(SLICES));
        metrics.put("workerProcesses", Long.toString(started.sum()));
        metrics.putAll(meter.metrics());
        return new DemoResult(wallNanos, Long.toString(primes.sum()), metrics);
    }

    /** Starts one worker JVM: the spawn site of the bottleneck's PROCESS_SPAWN finding. */
    private static WorkerPipe spawn(PipeMeter meter) throws IOException {
        return WorkerPipe.attach(WorkerProcesses.builder("gil").start(), meter);
    }

    private static long countSlice(WorkerPipe worker, long limit, int slice) throws IOException {
        worker.send(ByteBuffer.allocate(REQUEST_BYTES).put(COUNT_SLICE).putLong(limit).putInt(slice).putInt(SLICES)
                .array());
        return worker.receiveLong();
    }

    /** The worker's side: counts the primes of each slice it is sent. */
    @Override
    public void serve(List<String> args, DataInputStream in, DataOutputStream out) throws IOException {
        for (int tag = in.read(); tag >= 0; tag = in.read()) {
            if (tag != COUNT_SLICE) {
                throw new IOException("unknown request " + tag);
            }
            long limit = in.readLong();
            int slice = in.readInt();
            int slices = in.readInt();
            out.writeLong(GilDemo.countEvery(slice, slices, limit));
            out.flush();
        }
    }
}
