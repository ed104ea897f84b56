package paragent.agent.bootstrap;

/**
 * Which of one thread's recorded lock waits carry a stack trace. JFR's stack walk costs a
 * microsecond or more per event, several times the rest of a wait's recording, so only these do:
 * the thread's first {@link #WARM_UP} recorded waits, its first recorded wait on each lock that is
 * not among the {@link #RECENT_LOCKS} it waited on last, then one in {@link #PERIOD}. The choice is
 * made when the wait begins and depends only on the waits recorded before it, never on any wait's
 * duration, so the sampled stacks are a systematic sample of the thread's waits on each lock: the
 * analyzer lets each stand for the waits without one after it.
 *
 * <p>Locks are told apart by identity hash code, which keeps no reference to them (two locks with
 * the same hash share a stack until one of them is sampled again). Not thread-safe: one per thread.
 */
final class LockWaitSampler {

    /** Recorded waits of a thread that all carry a stack. */
    static final int WARM_UP = 8;
    /** One recorded wait in this many carries a stack once warmed up. */
    static final int PERIOD = 16;
    /** Locks remembered per thread; a wait on any other one carries a stack. */
    static final int RECENT_LOCKS = 4;

    private final int[] recentLocks = new int[RECENT_LOCKS];
    private int recentCount;
    private int nextSlot;
    private long recorded;

    /** Whether a wait on the lock with identity hash {@code lockId} that is about to begin gets a stack. */
    boolean wantsStack(int lockId) {
        return recorded < WARM_UP || recorded % PERIOD == 0 || !isRecent(lockId);
    }

    /**
     * A wait on {@code lockId} was recorded (its event committed).
     *
     * @param withStack whether it carried a stack
     */
    void recorded(int lockId, boolean withStack) {
        recorded++;
        if (withStack && !isRecent(lockId)) {
            recentLocks[nextSlot] = lockId;
            nextSlot = (nextSlot + 1) % RECENT_LOCKS;
            recentCount = Math.min(RECENT_LOCKS, recentCount + 1);
        }
    }

    private boolean isRecent(int lockId) {
        for (int i = 0; i < recentCount; i++) {
            if (recentLocks[i] == lockId) {
                return true;
            }
        }
        return false;
    }
}
