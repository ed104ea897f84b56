package paragent.agent.recording;

/**
 * Decides which of a stream of events (the submits or the task runs of one thread on one executor)
 * are samples: the first {@link #WARM_UP} events, then one in {@link #PERIOD}. The choice depends
 * only on the event's position, never on any event's duration. A sampled submit is a queue-wait
 * sample; a sampled run writes the run-time histogram at its own time, and its time is held for
 * the runs after it (slow runs are always written at their own). Totals never come from samples:
 * every submit and run is timed (an earlier version held a sampled submit's time for the fifteen
 * after it, and one sample that met a GC pause inflated a pool's submit time fourfold).
 *
 * <p>Not thread-safe: one writer thread, as an owned {@link ExecutorLane} has. A lane shared by
 * several threads uses {@link #ALWAYS}, which keeps no state.
 */
class CostSampler {

    /** Events sampled at first, so that short-lived threads and executors are measured exactly. */
    static final int WARM_UP = 8;
    /** One event in this many is sampled once warmed up; a power of two. */
    static final int PERIOD = 16;

    /** Samples every event; stateless, so safe to share between threads. */
    static final CostSampler ALWAYS = new CostSampler() {
        @Override
        boolean next() {
            return true;
        }
    };

    private long events;

    /** Counts one event and says whether it is sampled. */
    boolean next() {
        long n = events++;
        return n < WARM_UP || (n & (PERIOD - 1)) == 0;
    }
}
