package paragent.analyzer.diagnosis;

import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.Timeline;

/**
 * Reads a {@link Timeline} as busy and idle time: busy is doing or trying to do work (running,
 * waiting for a CPU, contending for a lock, stopped by GC, in I/O, unexplained); idle is waiting
 * for something to do (an idle pool worker, another condition, {@code wait}, {@code sleep}) or not
 * alive. Stateless.
 */
final class Activity {

    /** The idle states of a live thread, in the order rules take them. */
    static final ThreadState[] IDLE_ALIVE = {ThreadState.PARKED_IDLE, ThreadState.PARKED_OTHER, ThreadState.WAITING,
        ThreadState.SLEEPING};
    /** The idle states including having ended, in the order rules take them. */
    static final ThreadState[] IDLE_OR_ENDED = {ThreadState.PARKED_IDLE, ThreadState.PARKED_OTHER,
        ThreadState.WAITING, ThreadState.SLEEPING, ThreadState.NOT_ALIVE};

    /** A thread counts as busy in a bucket when busy at least this fraction of it. */
    static final double BUSY_FRACTION = 0.5;

    private Activity() {
    }

    /** @return the thread's busy seconds in bucket {@code b}; 0 for a thread without timeline */
    static double busy(Timeline timeline, long javaId, int b) {
        float[][] s = timeline.seconds().get(javaId);
        if (s == null) {
            return 0;
        }
        return s[ThreadState.RUNNING.ordinal()][b] + s[ThreadState.WAITING_FOR_CPU.ordinal()][b]
                + s[ThreadState.BLOCKED.ordinal()][b] + s[ThreadState.PARKED_LOCK.ordinal()][b]
                + s[ThreadState.GC.ordinal()][b] + s[ThreadState.IO.ordinal()][b] + s[ThreadState.OTHER.ordinal()][b];
    }

    /** @return true when the thread was busy at least {@link #BUSY_FRACTION} of bucket {@code b} */
    static boolean isBusy(Timeline timeline, long javaId, int b) {
        double width = timeline.bucketWidth(b);
        return width > 0 && busy(timeline, javaId, b) >= BUSY_FRACTION * width;
    }

    /** @return the first bucket in which the thread was alive, or {@code buckets} when never */
    static int firstAlive(Timeline timeline, long javaId) {
        float[][] s = timeline.seconds().get(javaId);
        for (int b = 0; s != null && b < timeline.buckets(); b++) {
            if (s[ThreadState.NOT_ALIVE.ordinal()][b] < timeline.bucketWidth(b)) {
                return b;
            }
        }
        return timeline.buckets();
    }

    /** @return the thread's seconds on a CPU or waiting for one in bucket {@code b} */
    static double runnable(Timeline timeline, long javaId, int b) {
        float[][] s = timeline.seconds().get(javaId);
        return s == null ? 0 : s[ThreadState.RUNNING.ordinal()][b] + s[ThreadState.WAITING_FOR_CPU.ordinal()][b];
    }
}
