package paragent.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small writes to {@code /dev/null} through a {@code FileOutputStream} while no pipe is followed
 * (this benchmark's JVM starts no child): the cheapest case of the agent's
 * {@code FileOutputStream.write} advice, one static field read. One stream per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FileWriteBenchmark {

    private final byte[] payload = new byte[SocketWriteBenchmark.WRITE_BYTES];
    private FileOutputStream out;

    /** Opens {@code /dev/null}. */
    @Setup
    public void open() throws IOException {
        out = new FileOutputStream("/dev/null");
    }

    /** Closes it. */
    @TearDown
    public void close() throws IOException {
        out.close();
    }

    /** One write of {@link SocketWriteBenchmark#WRITE_BYTES} bytes. */
    @Benchmark
    public void write() throws IOException {
        out.write(payload);
    }
}
