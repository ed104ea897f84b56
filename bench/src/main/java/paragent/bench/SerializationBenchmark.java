package paragent.bench;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializes a small object with a long-lived {@code ObjectOutputStream} into a sink that discards
 * the bytes; the stream is reset before each object, so every write carries its class
 * descriptor as a fresh message would: the agent's {@code writeObject} advice. One stream per
 * benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerializationBenchmark {

    /** The object written: two fields, as a small message would have. */
    record Point(int id, String name) implements Serializable {
    }

    private final Point point = new Point(42, "point");
    private ObjectOutputStream out;

    /** Opens the stream over a sink that discards. */
    @Setup
    public void open() throws IOException {
        out = new ObjectOutputStream(OutputStream.nullOutputStream());
    }

    /** One reset and one top-level {@code writeObject}. */
    @Benchmark
    public void writeObject() throws IOException {
        out.reset();
        out.writeObject(point);
    }
}
