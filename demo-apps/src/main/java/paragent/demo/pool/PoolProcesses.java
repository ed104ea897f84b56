package paragent.demo.pool;

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
 * The process mode of {@code pool} ({@code --processes N}): a process pool, as
 * {@code ProcessPoolExecutor.map} is in the seed, whose tasks and results travel over pipes.
 *
 * <p>{@code N} parent threads {@code pool-worker-<i>} each own one worker JVM and map the function
 * over inputs {@code i, i+N, ...} (bottleneck) or over their share of the inputs cut into
 * {@value PoolDemo#CHUNKS_PER_WORKER} contiguous chunks (fixed). Bottleneck: one message per input
 * (a tag byte and the input), and the thread waits for the worker's reply (the hash) before it
 * sends the next, so every ~2 µs task pays a round trip through two pipes and two wake-ups (IPC on
 * the pipes, sent from {@link #callEach}). Fixed: one message per chunk (tag, first and end input),
 * the reply the chunk's sum. The pipe I/O runs in this class's own methods, so those are the frames
 * a profiler sees. Result: the thread mode's sum. Stateless.
 */
final class PoolProcesses implements Worker {

    private static final byte HASH_ONE = 'T';
    private static final byte HASH_RANGE = 'C';
    private static final int ONE_REQUEST_BYTES = 1 + Long.BYTES;
    private static final int RANGE_REQUEST_BYTES = 1 + 2 * Long.BYTES;

    static DemoResult run(DemoConfig config, long inputs, int steps) throws InterruptedException {
        int processes = config.processes();
        boolean messagePerInput = config.variant() == Variant.BOTTLENECK;
        PipeMeter meter = new PipeMeter();
        LongAdder sum = new LongAdder();
        LongAdder messages = new LongAdder();
        long wallNanos = Workers.runAll("pool", processes, index -> {
            try (WorkerPipe worker = WorkerPipe.attach(
                    WorkerProcesses.builder("pool", Integer.toString(steps)).start(), meter)) {
                long count = messagePerInput
                        ? callEach(worker, index, processes, inputs, sum)
                        : callChunks(worker, index, processes, inputs, sum);
                messages.add(count);
                worker.finish();
            }
        });
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("tasks", Long.toString(messages.sum()));
        metrics.putAll(meter.metrics());
        return new DemoResult(wallNanos, Long.toHexString(sum.sum()), metrics);
    }

    /** The bottleneck: one round trip per input. Returns the messages sent. */
    private static long callEach(WorkerPipe worker, int index, int processes, long inputs, LongAdder sum)
            throws IOException {
        ByteBuffer request = ByteBuffer.allocate(ONE_REQUEST_BYTES);
        long sent = 0;
        long local = 0;
        for (long input = index; input < inputs; input += processes) {
            request.clear();
            request.put(HASH_ONE).putLong(input);
            local += call(worker, request.array());
            sent++;
        }
        sum.add(local);
        return sent;
    }

    /** The fix: one round trip per chunk of this worker's contiguous share. Returns the messages sent. */
    private static long callChunks(WorkerPipe worker, int index, int processes, long inputs, LongAdder sum)
            throws IOException {
        long from = 0;
        for (int i = 0; i < index; i++) {
            from += Workers.shareOf(inputs, processes, i);
        }
        long share = Workers.shareOf(inputs, processes, index);
        int chunks = (int) Math.min(PoolDemo.CHUNKS_PER_WORKER, share);
        for (int chunk = 0; chunk < chunks; chunk++) {
            long to = from + Workers.shareOf(share, chunks, chunk);
            sum.add(call(worker, ByteBuffer.allocate(RANGE_REQUEST_BYTES).put(HASH_RANGE).putLong(from).putLong(to)
                    .array()));
            from = to;
        }
        return chunks;
    }

    /** Sends one request and waits for its 8-byte reply, measuring both. */
    private static long call(WorkerPipe worker, byte[] request) throws IOException {
        long start = System.nanoTime();
        worker.stdin().write(request);
        worker.stdin().flush();
        worker.wrote(request.length, start);
        start = System.nanoTime();
        long reply = worker.stdout().readLong();
        worker.read(Long.BYTES, start);
        return reply;
    }

    /** The worker's side: hashes each input or range it is sent ({@code args}: the rounds per input). */
    @Override
    public void serve(List<String> args, DataInputStream in, DataOutputStream out) throws IOException {
        int steps = Integer.parseInt(args.get(0));
        for (int tag = in.read(); tag >= 0; tag = in.read()) {
            if (tag == HASH_ONE) {
                out.writeLong(PoolDemo.hash(in.readLong(), steps));
            } else if (tag == HASH_RANGE) {
                out.writeLong(PoolDemo.hashRange(in.readLong(), in.readLong(), steps));
            } else {
                throw new IOException("unknown request " + tag);
            }
            out.flush();
        }
    }
}
