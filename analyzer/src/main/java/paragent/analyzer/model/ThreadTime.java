package paragent.analyzer.model;

/**
 * Where one Java thread's lifetime went during the recording. Immutable. All times are seconds of
 * that thread's wall-clock time inside the recording; {@code otherSeconds} is what the named
 * states do not explain and is never negative.
 *
 * @param name thread name
 * @param javaId {@code Thread.getId()}
 * @param osId OS thread id, or null when unknown
 * @param cpuSeconds CPU time (user + system) used during the recording
 * @param lifetimeSeconds time the thread was alive inside the recording
 * @param runningSeconds time on a CPU
 * @param waitingForCpuSeconds runnable but waiting for a core; null when unavailable (never a fake 0)
 * @param blockedSeconds entering a contended monitor ({@code synchronized})
 * @param parkedSeconds in {@code LockSupport.park}: j.u.c. locks, idle pool workers, other conditions
 * @param parkedLockSeconds of {@code parkedSeconds}, waiting for a j.u.c. lock
 * @param parkedIdleSeconds of {@code parkedSeconds}, an idle pool worker waiting for a task
 * @param waitingSeconds in {@code Object.wait}
 * @param sleepingSeconds in {@code Thread.sleep}
 * @param ioSeconds in socket or file I/O (events above the recording's I/O threshold)
 * @param gcSeconds stopped by garbage-collection pauses while it was otherwise busy
 * @param otherSeconds the rest of the lifetime
 * @param executionSamples {@code jdk.ExecutionSample} events of this thread
 * @param internal a JVM/JDK/paragent-internal thread, never a worker
 * @param worker an application thread that did a meaningful share of the work
 * @param group its name with the last run of digits replaced by {@code N} ({@code pool-1-thread-N})
 */
public record ThreadTime(String name, long javaId, Long osId, double cpuSeconds, double lifetimeSeconds,
                         double runningSeconds, Double waitingForCpuSeconds, double blockedSeconds,
                         double parkedSeconds, double parkedLockSeconds, double parkedIdleSeconds,
                         double waitingSeconds, double sleepingSeconds, double ioSeconds, double gcSeconds,
                         double otherSeconds, long executionSamples, boolean internal, boolean worker,
                         String group) {

    /** A thread whose parked time is not split, named group derived from its name. */
    public ThreadTime(String name, long javaId, Long osId, double cpuSeconds, double lifetimeSeconds,
                      double runningSeconds, Double waitingForCpuSeconds, double blockedSeconds,
                      double parkedSeconds, double waitingSeconds, double sleepingSeconds,
                      double ioSeconds, double gcSeconds, double otherSeconds,
                      long executionSamples, boolean internal, boolean worker) {
        this(name, javaId, osId, cpuSeconds, lifetimeSeconds, runningSeconds, waitingForCpuSeconds, blockedSeconds,
                parkedSeconds, 0, 0, waitingSeconds, sleepingSeconds, ioSeconds, gcSeconds, otherSeconds,
                executionSamples, internal, worker, groupOf(name));
    }

    /** @return {@code threadName} with its last run of digits replaced by {@code N}; null stays null */
    public static String groupOf(String threadName) {
        if (threadName == null) {
            return null;
        }
        int end = threadName.length();
        while (end > 0 && !Character.isDigit(threadName.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return threadName;
        }
        int start = end;
        while (start > 0 && Character.isDigit(threadName.charAt(start - 1))) {
            start--;
        }
        return threadName.substring(0, start) + "N" + threadName.substring(end);
    }

    /** @return parked time that is neither a lock nor an idle pool worker */
    public double parkedOtherSeconds() {
        return Math.max(0, parkedSeconds - parkedLockSeconds - parkedIdleSeconds);
    }

    /** @return a copy with the worker flag set as given */
    public ThreadTime withWorker(boolean isWorker) {
        return new ThreadTime(name, javaId, osId, cpuSeconds, lifetimeSeconds, runningSeconds,
                waitingForCpuSeconds, blockedSeconds, parkedSeconds, parkedLockSeconds, parkedIdleSeconds,
                waitingSeconds, sleepingSeconds, ioSeconds, gcSeconds, otherSeconds, executionSamples, internal,
                isWorker, group);
    }
}
