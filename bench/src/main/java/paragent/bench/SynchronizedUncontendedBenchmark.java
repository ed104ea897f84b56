package paragent.bench;

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
 * One thread enters and exits its own monitor. The agent weaves no monitor code; what the JFR
 * recording it starts does to an uncontended {@code synchronized} block is what this measures.
 * One instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SynchronizedUncontendedBenchmark {

    private final Object monitor = new Object();
    private long counter;

    /** One monitor enter/exit around an increment. */
    @Benchmark
    public long enterExit() {
        synchronized (monitor) {
            return ++counter;
        }
    }
}
