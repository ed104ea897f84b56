package paragent.analyzer.model;

/**
 * What a thread was doing at a moment: the states of the thread timeline. Every second of a worker
 * thread inside the recording is in exactly one of them.
 */
public enum ThreadState {
    /** On a CPU. */
    RUNNING("running"),
    /** Runnable, waiting in the run queue for a core (Linux schedstat). */
    WAITING_FOR_CPU("waitingForCpu"),
    /** Entering a contended monitor ({@code synchronized}). */
    BLOCKED("blocked"),
    /** Parked waiting for a {@code java.util.concurrent} lock. */
    PARKED_LOCK("parkedLock"),
    /** Parked as an idle pool worker, waiting for a task. */
    PARKED_IDLE("parkedIdle"),
    /** Parked on another condition: a latch, a future, a queue outside a pool. */
    PARKED_OTHER("parkedOther"),
    /** In {@code Object.wait} (including {@code Thread.join}). */
    WAITING("waiting"),
    /** In {@code Thread.sleep}. */
    SLEEPING("sleeping"),
    /** In socket or file I/O. */
    IO("io"),
    /** Stopped by a garbage-collection pause. */
    GC("gc"),
    /** Alive, but none of the above is known: short waits below the recording thresholds, native code. */
    OTHER("other"),
    /** Not started yet, or already ended. */
    NOT_ALIVE("notAlive");

    private final String jsonName;

    ThreadState(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in the JSON summary and the HTML report */
    public String jsonName() {
        return jsonName;
    }

    /** @return true for the states in which a worker is not doing or trying to do work */
    public boolean idle() {
        return this == PARKED_IDLE || this == PARKED_OTHER || this == WAITING || this == SLEEPING
                || this == NOT_ALIVE;
    }
}
