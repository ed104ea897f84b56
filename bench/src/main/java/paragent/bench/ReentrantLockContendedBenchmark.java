package paragent.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Two threads take one {@code ReentrantLock} in turn, each holding it for a little work
 * ({@link #CRITICAL_TOKENS}), so that the other often finds it held. Only some of the
 * acquisitions are contended, so each thread counts those whose {@code tryLock} failed
 * ({@link Acquisitions}); the runner divides the added time per operation by that share to get
 * the added time per contended acquisition, the agent's cost being on that path alone
 * ({@code AqsInstrumentation}'s slow-path advice). The lock is shared by the group.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReentrantLockContendedBenchmark {

    /** The secondary result that counts acquisitions. */
    static final String ACQUISITIONS = "acquisitions";
    /** The secondary result that counts contended acquisitions. */
    static final String CONTENDED = "contended";

    /**
     * {@code Blackhole.consumeCPU} tokens spent holding the lock (tens of nanoseconds): without
     * them, on a loaded machine, hardly one acquisition in a million was contended.
     */
    static final long CRITICAL_TOKENS = 50;

    private final ReentrantLock lock = new ReentrantLock();
    private long counter;

    /**
     * What one benchmark thread counts in an iteration; JMH sums the threads' counters. Public
     * fields, as {@link AuxCounters} requires; one instance per thread.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Acquisitions {
        /** Every acquisition of the measured iteration. */
        public long acquisitions;
        /** The acquisitions that found the lock held. */
        public long contended;

        /** Zeroes the counters before each iteration (JMH's default level). */
        @Setup
        public void clear() {
            acquisitions = 0;
            contended = 0;
        }
    }

    /** One acquisition and release by one of the group's two threads. */
    @Benchmark
    @Group("contended")
    @GroupThreads(2)
    public long lockUnlock(Acquisitions counts) {
        counts.acquisitions++;
        if (!lock.tryLock()) {
            counts.contended++;
            lock.lock();
        }
        try {
            Blackhole.consumeCPU(CRITICAL_TOKENS);
            return ++counter;
        } finally {
            lock.unlock();
        }
    }
}
