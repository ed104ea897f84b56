package paragent.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Submits a batch of trivial tasks from outside to a one-worker {@code ForkJoinPool} and waits
 * until all have run; the score is per task: the agent's submit advice ({@code externalSubmit}
 * on JDK 17, {@code poolSubmit} on 19+) and its run advice ({@code ForkJoinTask.doExec}). One
 * pool per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ForkJoinPoolBenchmark {

    private ForkJoinPool pool;

    /** Starts the pool. */
    @Setup
    public void start() {
        pool = new ForkJoinPool(1);
    }

    /** Stops the pool. */
    @TearDown
    public void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** Submits {@link ThreadPoolExecutorBenchmark#BATCH} tasks and waits for them to have run. */
    @Benchmark
    @OperationsPerInvocation(ThreadPoolExecutorBenchmark.BATCH)
    public void submitAndRun() {
        AtomicInteger remaining = new AtomicInteger(ThreadPoolExecutorBenchmark.BATCH);
        for (int i = 0; i < ThreadPoolExecutorBenchmark.BATCH; i++) {
            pool.execute(new CountDownTask(remaining, Thread.currentThread()));
        }
        CountDownTask.awaitBatch(remaining);
    }
}
