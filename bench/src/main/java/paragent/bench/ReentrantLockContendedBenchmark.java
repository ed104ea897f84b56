package paragent.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Makes every acquisition of one thread contended: the {@link #holder} takes the lock, announces a
 * new round and keeps the lock until the {@link #waiter} is queued on it; the waiter, once it saw
 * the round, calls {@code lock()}, which finds the lock held and takes the slow path the agent's
 * {@code AqsInstrumentation} weaves. The waiter's score ({@link #WAITER}) is the time per
 * contended acquisition, hand-off included. Two threads sharing the lock; spins yield, so that a
 * loaded machine still makes progress, and stop when JMH ends the iteration.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReentrantLockContendedBenchmark {

    /** The secondary result, named after its method, that times one contended acquisition. */
    static final String WAITER = "waiter";

    private final ReentrantLock lock = new ReentrantLock();
    private volatile long round;
    private long waiterRound;

    /** Holds the lock for one round, until the waiter is queued on it. */
    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public void holder(Control control) {
        lock.lock();
        try {
            round++;
            while (!lock.hasQueuedThreads() && !control.stopMeasurement) {
                Thread.yield();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next round, then acquires the held lock: one contended acquisition. */
    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public void waiter(Control control) {
        while (round == waiterRound && !control.stopMeasurement) {
            Thread.yield();
        }
        waiterRound = round;
        lock.lock();
        lock.unlock();
    }
}
