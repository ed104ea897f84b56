package paragent.bench;

import java.io.IOException;
import java.io.OutputStream;
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
 * Small writes to a child's stdin pipe ({@code cat} discarding its output), flushed each time:
 * the agent's {@code FileOutputStream.write} advice on a followed pipe. One child per benchmark
 * thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipeWriteBenchmark {

    private final byte[] payload = new byte[SocketWriteBenchmark.WRITE_BYTES];
    private Process child;
    private OutputStream stdin;

    /** Starts the child. */
    @Setup
    public void start() throws IOException {
        child = new ProcessBuilder("cat").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stdin = child.getOutputStream();
    }

    /** Closes the child's stdin, so it exits, and waits for it. */
    @TearDown
    public void stop() throws IOException, InterruptedException {
        stdin.close();
        child.waitFor();
    }

    /** One write of {@link SocketWriteBenchmark#WRITE_BYTES} bytes, flushed into the pipe. */
    @Benchmark
    public void write() throws IOException {
        stdin.write(payload);
        stdin.flush();
    }
}
