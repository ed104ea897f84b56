package paragent.agent.bootstrap;

/**
 * Receives what {@link ExecutorHooks} sees of executors and their tasks. The agent's aggregator
 * implements it from its own class loader. Called concurrently from application threads on their
 * submit and run paths: implementations must be thread-safe, fast, must never block on
 * application locks and must not throw.
 */
public interface ExecutorSink {

    /** An executor's constructor returned. */
    void created(Object executor);

    /**
     * A submit call begins; called before the task can possibly start.
     *
     * @param executor the executor, or null for {@code ForkJoinTask.fork()} (the current worker's
     *                 pool, else the common pool)
     * @return a non-zero token for {@link #submitEnd}: the time the submit began
     *         ({@code System.nanoTime()}) when the sink times this submit, else a value of its own
     */
    long submitBegin(Object executor, Object task);

    /** The submit call that {@link #submitBegin} returned the token {@code beginNanos} for has returned or thrown. */
    void submitEnd(Object executor, Object task, long beginNanos, Throwable thrown);

    /**
     * The current thread starts running {@code task}.
     *
     * @param executor the executor, or null for a {@code ForkJoinTask} (the pool it was submitted
     *                 to, else the current worker's pool, else the common pool)
     */
    void runStart(Object executor, Object task);

    /** The current thread's innermost task started by {@link #runStart} finished, normally or not. */
    void runEnd();
}
