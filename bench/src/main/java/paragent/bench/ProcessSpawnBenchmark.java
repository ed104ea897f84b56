package paragent.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Starts {@code /bin/true} with the default pipes and waits for it: the agent's
 * {@code ProcessImpl.start} advice and the three pipes it then follows. A millisecond-scale
 * operation, hence fewer iterations by default. Stateless.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProcessSpawnBenchmark {

    private static final ProcessBuilder TRUE = new ProcessBuilder("/bin/true");

    /** One child, started, waited for and its pipes closed; returns its exit code. */
    @Benchmark
    public int spawn() throws IOException, InterruptedException {
        Process child = TRUE.start();
        int exitCode = child.waitFor();
        child.getOutputStream().close();
        child.getInputStream().close();
        child.getErrorStream().close();
        return exitCode;
    }
}
