package paragent.demo.bench.workload;

/**
 * A real open-source library doing real work, for the overhead harness: a program the agent did
 * not see when it was written. An instance holds what outlives one run (a database, a server);
 * {@link #run} can be called again on the same instance. Instances are used from one thread at a
 * time; {@link #run} starts its own worker threads and waits for them.
 */
interface Workload extends AutoCloseable {

    /**
     * Does {@code units} units of work spread over {@code threads} threads and returns a checksum
     * of what it produced. The checksum depends only on {@code threads}, {@code units} and the
     * earlier calls, never on how the threads interleaved: the agent must not change it.
     */
    long run(int threads, int units) throws Exception;

    /** Releases what outlives a run; nothing by default. */
    @Override
    default void close() throws Exception {
    }
}
