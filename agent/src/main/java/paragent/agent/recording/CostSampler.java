package paragent.agent.recording;

/**
 * Decides which of a stream of events (the submits or the task runs of one thread on one executor)
 * are sampled, so that cheap events pay for a clock read only now and then: the first
 * {@link #WARM_UP} events, then one in {@link #PERIOD}. The choice depends only on the event's
 * position, never on any event's duration, so the samples are a systematic sample of the stream:
 * each one, held for the events up to the next, estimates their total without bias. (An earlier
 * version also timed every event after a slow one; when slowness comes in runs, as it does for a
 * preempted submitter, those follow-ups were slow too, and any weighting that let them stand for
 * untimed events over-counted, while counting only their own time under-counted the runs they
 * missed. They are gone.)
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
