package paragent.bench;

import java.util.Locale;

/**
 * Every path the runner measures, in table order: its benchmark class and the agent's budget
 * for it. The budgets are issue 9's: an uncontended path may gain at most 1 ns per operation,
 * a contended acquisition or an executor task at most 100 ns; the other paths are reported as
 * ratios without a budget.
 */
enum InstrumentedPath {
    LOCK_UNCONTENDED("ReentrantLock lock/unlock, uncontended", ReentrantLockUncontendedBenchmark.class, 1),
    SYNCHRONIZED_UNCONTENDED("synchronized enter/exit, uncontended", SynchronizedUncontendedBenchmark.class, 1),
    LOCK_CONTENDED("ReentrantLock, 2 threads contending", ReentrantLockContendedBenchmark.class, 100),
    THREAD_POOL_TASK("ThreadPoolExecutor submit + run, 1 worker", ThreadPoolExecutorBenchmark.class, 100),
    FORK_JOIN_TASK("ForkJoinPool submit + run, 1 worker", ForkJoinPoolBenchmark.class, 100),
    PROCESS_SPAWN("process spawn, /bin/true", ProcessSpawnBenchmark.class, Double.NaN),
    SOCKET_WRITE("socket write 64 B, loopback", SocketWriteBenchmark.class, Double.NaN),
    PIPE_WRITE("pipe write 64 B to a child", PipeWriteBenchmark.class, Double.NaN),
    FILE_WRITE("file write 64 B, no pipe followed", FileWriteBenchmark.class, Double.NaN),
    SERIALIZATION("ObjectOutputStream.writeObject, small object", SerializationBenchmark.class, Double.NaN);

    /** What the table calls it. */
    final String label;
    /** The JMH class whose benchmarks measure it. */
    final Class<?> benchmark;
    /**
     * The most nanoseconds the agent may add, per operation, or per contended acquisition where
     * {@link #perContendedAcquisition}; NaN for none.
     */
    final double budgetNanos;

    InstrumentedPath(String label, Class<?> benchmark, double budgetNanos) {
        this.label = label;
        this.benchmark = benchmark;
        this.budgetNanos = budgetNanos;
    }

    /** The name {@code --only} takes: {@code lock-uncontended}, {@code socket-write}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the budget is per contended acquisition rather than per operation. */
    boolean perContendedAcquisition() {
        return this == LOCK_CONTENDED;
    }

    /** Whether a budget applies. */
    boolean budgeted() {
        return !Double.isNaN(budgetNanos);
    }
}
