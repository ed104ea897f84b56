package paragent.demo.pipes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.PipeMeter;
import paragent.demo.processes.Worker;
import paragent.demo.processes.WorkerPipe;
import paragent.demo.processes.WorkerProcesses;

/**
 * {@code pipes}: worker processes that get their data as large serialized messages over pipes,
 * against the same workers reading it from a shared memory-mapped file. It always runs worker
 * JVMs: {@code --threads N} (or {@code --processes N}) of them.
 *
 * <p>The job has {@value #ROUNDS} rounds of {@value #DEFAULT_ITEMS_PER_ROUND} × scale items; item
 * {@code j} of round {@code r} is a SplitMix64 value, and the result is the sum of {@link #work}
 * over all items (mod 2<sup>64</sup>, in hex), independent of the variant and the worker count.
 * Parent thread {@code pipes-worker-<i>} owns worker JVM {@code i} and, every round, hands it its
 * contiguous share of the round's items and waits for its sum. Bottleneck: the share goes as one
 * {@link Batch} of {@link Batch.Sample} objects, serialized with {@link ObjectOutputStream} (as
 * {@code multiprocessing} pickles its messages) and written to the worker's stdin in one call from
 * {@link #sendBatch}; the worker deserializes it straight from the pipe, so the write waits for
 * the worker to parse it (IPC: several MiB per worker per round). Fix: the parent writes the items
 * once into a memory-mapped file ({@code pipes*.items} in {@code java.io.tmpdir}) that the workers
 * map read-only, and sends only the first index and the count (12 bytes). Stateless; see
 * {@link Demo}.
 */
public final class PipesDemo implements Demo {

    /** The largest IPC share the fixed variant may show. */
    static final double FIXED_MAX_IPC_SHARE = 0.10;

    /** Rounds of the job. */
    public static final int ROUNDS = 8;
    /** Items per round at scale 1, split over the workers. */
    public static final long DEFAULT_ITEMS_PER_ROUND = 262_144L;
    /** SplitMix64 rounds of {@link #work} per item: a little real work for the workers. */
    public static final int WORK_STEPS = 50;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int MAPPED_REQUEST_BYTES = Long.BYTES + Integer.BYTES;

    @Override
    public String name() {
        return "pipes";
    }

    @Override
    public String description() {
        return "worker JVMs sent their data as large serialized messages over pipes"
                + " (fixed: a shared memory-mapped file, small messages)";
    }

    @Override
    public Optional<Worker> worker() {
        return Optional.of(new PipesWorker());
    }

    /** Always: the workers are processes, {@code --threads N} only says how many. */
    @Override
    public boolean startsWorkerJvms(DemoConfig config) {
        return true;
    }

    /**
     * The fix still sends each worker a small request per round and the workers wait on their stdin
     * for it: under {@code children} the pipes to both workers are one finding, 6% of the worker
     * time (the bottleneck's: 56–79%), hence a 10% limit for the fixed variant.
     */
    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return new ExpectedFinding("IPC", "to child", "paragent.demo.pipes.", FIXED_MAX_IPC_SHARE);
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long items = config.scaled(DEFAULT_ITEMS_PER_ROUND);
        if (items * ROUNDS > Integer.MAX_VALUE / Long.BYTES) {
            throw new IllegalArgumentException("--scale too large: " + items + " items per round");
        }
        int workers = config.isProcessMode() ? config.processes() : config.threads();
        boolean serialized = config.variant() == Variant.BOTTLENECK;
        Path file = serialized ? null : createItemsFile(items * ROUNDS);
        try {
            LongBuffer mapped = file == null ? null : mapForWriting(file);
            PipeMeter meter = new PipeMeter();
            LongAdder sum = new LongAdder();
            long wallNanos = Workers.runAll(name(), workers, index -> {
                long first = 0;
                for (int i = 0; i < index; i++) {
                    first += Workers.shareOf(items, workers, i);
                }
                int count = (int) Workers.shareOf(items, workers, index);
                if (serialized) {
                    sum.add(runSerialized(meter, items, first, count));
                } else {
                    sum.add(runMapped(meter, file, mapped, items, first, count));
                }
            });
            Map<String, String> metrics = new LinkedHashMap<>();
            metrics.put("rounds", Integer.toString(ROUNDS));
            metrics.putAll(meter.metrics());
            return new DemoResult(wallNanos, Long.toHexString(sum.sum()), metrics);
        } finally {
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    /** The bottleneck: every round, the share as one serialized {@link Batch}. Returns the share's sum. */
    private static long runSerialized(PipeMeter meter, long items, long first, int count) throws Exception {
        try (WorkerPipe worker = WorkerPipe.attach(
                WorkerProcesses.builder("pipes", "serialized", Integer.toString(ROUNDS)).start(), meter)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            ObjectOutputStream objects = new ObjectOutputStream(buffer); // its stream header goes with the first batch
            long sum = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Batch.Sample[] samples = new Batch.Sample[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = new Batch.Sample(item(round * items + first + i));
                }
                objects.reset(); // each batch stands alone, as a message should
                objects.writeObject(new Batch(round, samples));
                objects.flush();
                sendBatch(worker, buffer);
                sum += receiveSum(worker);
            }
            worker.finish();
            return sum;
        }
    }

    /** Writes one serialized batch to the worker in one call: the sending frame of the bottleneck's IPC. */
    private static void sendBatch(WorkerPipe worker, ByteArrayOutputStream buffer) throws IOException {
        long start = System.nanoTime();
        buffer.writeTo(worker.stdin());
        worker.stdin().flush();
        worker.wrote(buffer.size(), start);
        buffer.reset();
    }

    /** The fix: every round, the share written into the mapped file, and its position sent. */
    private static long runMapped(PipeMeter meter, Path file, LongBuffer mapped, long items, long first, int count)
            throws Exception {
        try (WorkerPipe worker = WorkerPipe.attach(WorkerProcesses.builder("pipes", "mapped",
                Integer.toString(ROUNDS), file.toString()).start(), meter)) {
            long sum = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long from = round * items + first;
                for (int i = 0; i < count; i++) {
                    mapped.put((int) (from + i), item(from + i));
                }
                byte[] request = ByteBuffer.allocate(MAPPED_REQUEST_BYTES).putLong(from).putInt(count).array();
                long start = System.nanoTime();
                worker.stdin().write(request);
                worker.stdin().flush();
                worker.wrote(request.length, start);
                sum += receiveSum(worker);
            }
            worker.finish();
            return sum;
        }
    }

    private static long receiveSum(WorkerPipe worker) throws IOException {
        long start = System.nanoTime();
        long sum = worker.stdout().readLong();
        worker.read(Long.BYTES, start);
        return sum;
    }

    /** Item {@code index} of the job (rounds one after another): one SplitMix64 output. */
    static long item(long index) {
        return mix(index * GOLDEN_GAMMA);
    }

    /** The workers' work on one item: {@value #WORK_STEPS} SplitMix64 rounds. */
    static long work(long item) {
        long z = item;
        for (int i = 0; i < WORK_STEPS; i++) {
            z = mix(z + GOLDEN_GAMMA);
        }
        return z;
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Path createItemsFile(long itemCount) {
        try {
            Path file = Files.createTempFile("pipes", ".items");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(1), itemCount * Long.BYTES - 1); // sizes the file
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shared items file", e);
        }
    }

    private static LongBuffer mapForWriting(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size()).asLongBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the shared items file " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
