package paragent.bench;

import java.util.Locale;

/**
 * Every path the runner measures, in table order: its benchmark class and the agent's budget
 * for it. The budgets are issue 9's: an uncontended path may gain at most 1 ns per operation,
 * a contended acquisition (one operation of the contended benchmark) or an executor task at most
 * 100 ns; the other paths are reported as ratios without a budget.
 */
enum InstrumentedPath {
    LOCK_UNCONTENDED("ReentrantLock lock/unlock, uncontended", ReentrantLockUncontendedBenchmark.class, 1, null),
    SYNCHRONIZED_UNCONTENDED("synchronized enter/exit, uncontended", SynchronizedUncontendedBenchmark.class, 1,
            null),
    LOCK_CONTENDED("ReentrantLock contended acquisition (hand-off)", ReentrantLockContendedBenchmark.class, 100,
            ReentrantLockContendedBenchmark.WAITER),
    THREAD_POOL_TASK("ThreadPoolExecutor submit + run, 1 worker", ThreadPoolExecutorBenchmark.class, 100, null),
    FORK_JOIN_TASK("ForkJoinPool submit + run, 1 worker", ForkJoinPoolBenchmark.class, 100, null),
    PROCESS_SPAWN("process spawn, /bin/true", ProcessSpawnBenchmark.class, Double.NaN, null),
    SOCKET_WRITE("socket write 64 B, loopback", SocketWriteBenchmark.class, Double.NaN, null),
    PIPE_WRITE("pipe write 64 B to a child", PipeWriteBenchmark.class, Double.NaN, null),
    FILE_WRITE("file write 64 B, no pipe followed", FileWriteBenchmark.class, Double.NaN, null),
    SERIALIZATION("ObjectOutputStream.writeObject, small object", SerializationBenchmark.class, Double.NaN, null);

    /** What the table calls it. */
    final String label;
    /** The JMH class whose benchmarks measure it. */
    final Class<?> benchmark;
    /** The most nanoseconds the agent may add per operation; NaN for none. */
    final double budgetNanos;
    /** The group method whose secondary result is the score, or null for the primary score. */
    final String scoreLabel;

    InstrumentedPath(String label, Class<?> benchmark, double budgetNanos, String scoreLabel) {
        this.label = label;
        this.benchmark = benchmark;
        this.budgetNanos = budgetNanos;
        this.scoreLabel = scoreLabel;
    }

    /** The name {@code --only} takes: {@code lock-uncontended}, {@code socket-write}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a budget applies. */
    boolean budgeted() {
        return !Double.isNaN(budgetNanos);
    }
}
