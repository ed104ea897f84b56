package paragent.demo.sharedcounter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import paragent.demo.DemoConfig;
import paragent.demo.DemoResult;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.PipeMeter;
import paragent.demo.processes.Worker;
import paragent.demo.processes.WorkerPipe;
import paragent.demo.processes.WorkerProcesses;

/**
 * The process mode of {@code shared-counter} ({@code --processes N}): the seed's
 * {@code multiprocessing.Value}, a counter in shared memory guarded by a lock, for real across
 * processes: a memory-mapped file in {@code java.io.tmpdir} ({@code shared-counter*.counter}: the
 * count, then the mixed shared state) incremented by {@code N} worker JVMs under
 * {@link FileChannel#lock()}.
 *
 * <p>Each parent thread {@code shared-counter-worker-<i>} starts one worker, waits until every
 * worker has said it is ready, sends it its share of
 * the increments and the work per increment, and waits for its reply (its private state).
 * Bottleneck: every increment takes the file lock and mixes the shared state inside it
 * (LOCK_CONTENTION on {@code file lock <path>}, waited for in {@link #incrementLocked}). Fixed: a
 * worker counts and mixes on its own, then adds its count once under the lock. Result: the final
 * count in the file, the total number of increments. Stateless.
 */
final class SharedCounterProcesses implements Worker {

    private static final byte INCREMENT = 'I';
    /** What a worker writes first, once it has mapped the counter: it is ready to count. */
    private static final long READY = 1;
    private static final int COUNT_OFFSET = 0;
    private static final int STATE_OFFSET = Long.BYTES;
    private static final int FILE_BYTES = 2 * Long.BYTES;
    private static final int REQUEST_BYTES = 1 + Long.BYTES + 2 * Integer.BYTES + 1 + Long.BYTES;

    static DemoResult run(DemoConfig config, long increments, int criticalSteps, int outsideSteps)
            throws InterruptedException {
        Path file = createCounterFile();
        try {
            int processes = config.processes();
            boolean lockEach = config.variant() == Variant.BOTTLENECK;
            PipeMeter meter = new PipeMeter();
            AtomicLong checksum = new AtomicLong();
            CyclicBarrier allReady = new CyclicBarrier(processes);
            long wallNanos = Workers.runAll("shared-counter", processes, index -> {
                try (WorkerPipe worker = WorkerPipe.attach(
                        WorkerProcesses.builder("shared-counter", file.toString()).start(), meter)) {
                    // The workers start the counting together, as a process pool hands out work once
                    // its workers are up: JVMs that boot at different speeds would otherwise count
                    // partly alone and contend less than the program's design does.
                    worker.receiveLong();
                    allReady.await();
                    worker.send(ByteBuffer.allocate(REQUEST_BYTES).put(INCREMENT)
                            .putLong(Workers.shareOf(increments, processes, index)).putInt(criticalSteps)
                            .putInt(outsideSteps).put((byte) (lockEach ? 1 : 0)).putLong(index + 1).array());
                    long state = worker.receiveLong();
                    checksum.accumulateAndGet(state, (a, b) -> a ^ b); // keeps the private work observable
                    worker.finish();
                }
            });
            Map<String, String> metrics = new LinkedHashMap<>(meter.metrics());
            return new DemoResult(wallNanos, Long.toString(readCount(file)), metrics);
        } finally {
            deleteQuietly(file);
        }
    }

    private static Path createCounterFile() {
        try {
            Path file = Files.createTempFile("shared-counter", ".counter");
            ByteBuffer initial = ByteBuffer.allocate(FILE_BYTES).putLong(COUNT_OFFSET, 0).putLong(STATE_OFFSET, 1);
            Files.write(file, initial.array());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shared counter file", e);
        }
    }

    private static long readCount(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file)).getLong(COUNT_OFFSET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared counter file " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    /** The worker's side ({@code args}: the counter file): runs its share of the increments, replies its state. */
    @Override
    public void serve(List<String> args, DataInputStream in, DataOutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args.get(0)), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
            out.writeLong(READY);
            out.flush();
            for (int tag = in.read(); tag >= 0; tag = in.read()) {
                if (tag != INCREMENT) {
                    throw new IOException("unknown request " + tag);
                }
                long share = in.readLong();
                int criticalSteps = in.readInt();
                int outsideSteps = in.readInt();
                boolean lockEach = in.readBoolean();
                long state = in.readLong();
                state = lockEach
                        ? incrementEach(channel, counter, share, criticalSteps, outsideSteps, state)
                        : incrementOnce(channel, counter, share, criticalSteps, outsideSteps, state);
                out.writeLong(state);
                out.flush();
            }
        }
    }

    /** The bottleneck: every increment under the file lock. */
    private static long incrementEach(FileChannel channel, MappedByteBuffer counter, long share, int criticalSteps,
            int outsideSteps, long state) throws IOException {
        long local = state;
        for (long i = 0; i < share; i++) {
            local = Mixer.mix(local, outsideSteps);
            incrementLocked(channel, counter, criticalSteps);
        }
        return local;
    }

    private static void incrementLocked(FileChannel channel, MappedByteBuffer counter, int criticalSteps)
            throws IOException {
        FileLock lock = channel.lock();
        try {
            long count = counter.getLong(COUNT_OFFSET);
            counter.putLong(STATE_OFFSET, Mixer.mix(counter.getLong(STATE_OFFSET) + count, criticalSteps));
            counter.putLong(COUNT_OFFSET, count + 1);
        } finally {
            lock.release();
        }
    }

    /** The fix: count and mix privately, add the count once under the file lock. */
    private static long incrementOnce(FileChannel channel, MappedByteBuffer counter, long share, int criticalSteps,
            int outsideSteps, long state) throws IOException {
        long local = state;
        for (long i = 0; i < share; i++) {
            local = Mixer.mix(Mixer.mix(local, outsideSteps), criticalSteps);
        }
        FileLock lock = channel.lock();
        try {
            counter.putLong(COUNT_OFFSET, counter.getLong(COUNT_OFFSET) + share);
        } finally {
            lock.release();
        }
        return local;
    }
}
