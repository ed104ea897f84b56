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
 * @param parkedSeconds in {@code LockSupport.park} (j.u.c. locks, queues, latches)
 * @param waitingSeconds in {@code Object.wait}
 * @param sleepingSeconds in {@code Thread.sleep}
 * @param ioSeconds in socket or file I/O (0 while not yet measured)
 * @param gcSeconds stopped for GC (0 while not yet measured)
 * @param otherSeconds the rest of the lifetime
 * @param executionSamples {@code jdk.ExecutionSample} events of this thread
 * @param internal a JVM/JDK/paragent-internal thread, never a worker
 * @param worker an application thread that did a meaningful share of the work
 */
public record ThreadTime(String name, long javaId, Long osId, double cpuSeconds, double lifetimeSeconds,
                         double runningSeconds, Double waitingForCpuSeconds, double blockedSeconds,
                         double parkedSeconds, double waitingSeconds, double sleepingSeconds,
                         double ioSeconds, double gcSeconds, double otherSeconds,
                         long executionSamples, boolean internal, boolean worker) {

    /** @return a copy with the worker flag set as given */
    public ThreadTime withWorker(boolean isWorker) {
        return new ThreadTime(name, javaId, osId, cpuSeconds, lifetimeSeconds, runningSeconds,
                waitingForCpuSeconds, blockedSeconds, parkedSeconds, waitingSeconds, sleepingSeconds,
                ioSeconds, gcSeconds, otherSeconds, executionSamples, internal, isWorker);
    }
}
