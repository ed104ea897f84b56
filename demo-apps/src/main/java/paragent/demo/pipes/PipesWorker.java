package paragent.demo.pipes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import paragent.demo.processes.Worker;

/**
 * The worker JVM of {@code pipes}: sums {@link PipesDemo#work} over the items of each request and
 * replies the sum (8 bytes).
 *
 * <p>Arguments: {@code serialized ROUNDS} (the bottleneck: each request is a {@link Batch} read
 * with one {@link ObjectInputStream} straight from stdin) or {@code mapped ROUNDS FILE} (the fix:
 * each request is the first item's index and the item count, 12 bytes, and the items are read from
 * {@code FILE}, mapped read-only). Stateless.
 */
final class PipesWorker implements Worker {

    @Override
    public void serve(List<String> args, DataInputStream in, DataOutputStream out) throws IOException {
        int rounds = Integer.parseInt(args.get(1));
        if (args.get(0).equals("serialized")) {
            serveSerialized(rounds, in, out);
        } else {
            serveMapped(rounds, Path.of(args.get(2)), in, out);
        }
    }

    private static void serveSerialized(int rounds, DataInputStream in, DataOutputStream out) throws IOException {
        ObjectInputStream objects = new ObjectInputStream(in);
        for (int round = 0; round < rounds; round++) {
            Batch batch;
            try {
                batch = (Batch) objects.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException("unexpected message", e);
            }
            if (batch.round != round) {
                throw new IOException("batch of round " + batch.round + " where round " + round + " was due");
            }
            long sum = 0;
            for (Batch.Sample sample : batch.samples) {
                sum += PipesDemo.work(sample.value);
            }
            out.writeLong(sum);
            out.flush();
        }
    }

    private static void serveMapped(int rounds, Path file, DataInputStream in, DataOutputStream out)
            throws IOException {
        LongBuffer items;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            items = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).asLongBuffer();
        }
        for (int round = 0; round < rounds; round++) {
            long first = in.readLong();
            int count = in.readInt();
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sum += PipesDemo.work(items.get(Math.toIntExact(first + i)));
            }
            out.writeLong(sum);
            out.flush();
        }
    }
}
