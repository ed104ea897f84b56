package paragent.agent.recording;

/**
 * Decides which of a stream of events (the submits or the task runs of one thread on one executor)
 * are timed, so that cheap events pay for a clock read only now and then: the first
 * {@link #WARM_UP} events, then one in {@link #PERIOD} ({@link #SAMPLED}), and every event after a
 * timed one that took at least {@link #SLOW_NANOS} ({@link #FOLLOW_UP}: for events that long, two
 * clock reads are under 1 %). The choice never depends on the event's own duration, only on
 * earlier ones. Only the {@link #SAMPLED} events stand for the untimed ones after them: a
 * follow-up is chosen because its predecessor was slow, so holding its value for the untimed
 * events would cut short the hold of that slow value and under-weight slow events.
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
        int next() {
            return SAMPLED;
        }

        @Override
        void measured(long nanos) {
        }
    };

    /** {@link #next}: not timed. */
    static final int UNTIMED = 0;
    /** {@link #next}: timed as the sample of the events up to the next one. */
    static final int SAMPLED = 1;
    /** {@link #next}: timed because the previous timed event was slow. */
    static final int FOLLOW_UP = 2;

    private long events;
    private boolean slow;

    /** Counts one event and says whether and why to time it: {@link #UNTIMED}, {@link #SAMPLED} or {@link #FOLLOW_UP}. */
    int next() {
        long n = events++;
        if (n < WARM_UP || (n & (PERIOD - 1)) == 0) {
            return SAMPLED;
        }
        return slow ? FOLLOW_UP : UNTIMED;
    }

    /** The event that {@link #next} chose took {@code nanos}. */
    void measured(long nanos) {
        slow = nanos >= SLOW_NANOS;
    }
}
