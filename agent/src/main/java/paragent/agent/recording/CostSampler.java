package paragent.agent.recording;

/**
 * Decides which of a stream of events (the submits or the task runs of one thread on one executor)
 * are timed, so that cheap events pay for a clock read only now and then: the first
 * {@link #WARM_UP} events, then one in {@link #PERIOD}, and every event after a timed one that
 * took at least {@link #SLOW_NANOS} (for events that long, two clock reads are under 1 %). The
 * choice never depends on the event's own duration, only on earlier ones, so the timed events are
 * a fair sample of the untimed ones around them.
 *
 * <p>Not thread-safe: one writer thread, as an owned {@link ExecutorLane} has. A lane shared by
 * several threads uses {@link #ALWAYS}, which keeps no state.
 */
class CostSampler {

    /** Events timed at first, so that short-lived threads and executors are measured exactly. */
    static final int WARM_UP = 8;
    /** One event in this many is timed once warmed up; a power of two. */
    static final int PERIOD = 16;
    /** A timed event at least this long makes the next one timed too. */
    static final long SLOW_NANOS = 10_000;

    /** Times every event; stateless, so safe to share between threads. */
    static final CostSampler ALWAYS = new CostSampler() {
        @Override
        boolean next() {
            return true;
        }

        @Override
        void measured(long nanos) {
        }
    };

    private long events;
    private boolean slow;

    /** Counts one event and says whether to time it. */
    boolean next() {
        long n = events++;
        return slow || n < WARM_UP || (n & (PERIOD - 1)) == 0;
    }

    /** The event that {@link #next} chose took {@code nanos}. */
    void measured(long nanos) {
        slow = nanos >= SLOW_NANOS;
    }
}
