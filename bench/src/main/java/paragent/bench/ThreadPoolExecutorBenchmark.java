package paragent.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * Submits a batch of trivial tasks to a one-worker {@code ThreadPoolExecutor} and waits until
 * all have run; the score is per task, submit and run together: the agent's submit advice
 * ({@code execute}), its run advice ({@code getTask}) and the queue's lock waits. One pool per
 * benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThreadPoolExecutorBenchmark {

    /** Tasks per benchmark invocation. */
    static final int BATCH = 100;

    private ThreadPoolExecutor pool;

    /** Starts the pool and its worker. */
    @Setup
    public void start() {
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
    }

    /** Stops the pool. */
    @TearDown
    public void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** Submits {@link #BATCH} tasks and waits for them to have run. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void submitAndRun() {
        AtomicInteger remaining = new AtomicInteger(BATCH);
        for (int i = 0; i < BATCH; i++) {
            pool.execute(new CountDownTask(remaining, Thread.currentThread()));
        }
        CountDownTask.awaitBatch(remaining);
    }
}
