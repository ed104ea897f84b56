package paragent.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which threads are workers: application threads that did a meaningful share of the work.
 * Stateless; safe for concurrent use.
 *
 * <p>A thread is internal (never a worker) when it belongs to the JVM, the JDK, JFR or paragent,
 * by name or by the {@code system} thread group. Of the rest, a thread is a worker when its busy
 * time (running + blocked + parked on a lock) reaches {@link #MIN_BUSY_FRACTION} of the busiest
 * application thread's: an idle {@code main} that only joins its workers is not one.
 */
public final class WorkerClassifier {

    /** A worker's busy time is at least this fraction of the busiest application thread's. */
    public static final double MIN_BUSY_FRACTION = 0.10;

    private static final Set<String> INTERNAL_NAMES = Set.of("Reference Handler", "Finalizer",
            "Signal Dispatcher", "Common-Cleaner", "Notification Thread", "Attach Listener",
            "process reaper", "DestroyJavaVM", "Service Thread", "Monitor Deflation Thread",
            "Sweeper thread");

    private WorkerClassifier() {
    }

    /**
     * @param threadName the thread's name (may be null)
     * @param threadGroup its thread group's name (may be null)
     * @return true for JVM-, JDK-, JFR- and paragent-internal threads
     */
    public static boolean isInternal(String threadName, String threadGroup) {
        if (threadName == null) {
            return true;
        }
        return INTERNAL_NAMES.contains(threadName)
                || "system".equals(threadGroup)
                || threadName.startsWith("JFR ")
                || threadName.startsWith("JFR:")
                || threadName.startsWith("paragent-")
                || threadName.contains("CompilerThread")
                || threadName.startsWith("surefire-");
    }

    /**
     * @param threads all threads, worker flags ignored
     * @param lockParkedSecondsByJavaId per thread, time parked waiting for a j.u.c. lock
     * @return the same threads in the same order, worker flags set
     */
    public static List<ThreadTime> classify(List<ThreadTime> threads, Map<Long, Double> lockParkedSecondsByJavaId) {
        double busiest = 0;
        for (ThreadTime t : threads) {
            if (!t.internal()) {
                busiest = Math.max(busiest, busySeconds(t, lockParkedSecondsByJavaId));
            }
        }
        List<ThreadTime> result = new ArrayList<>(threads.size());
        for (ThreadTime t : threads) {
            double busy = busySeconds(t, lockParkedSecondsByJavaId);
            boolean worker = !t.internal() && busy > 0 && busy >= MIN_BUSY_FRACTION * busiest;
            result.add(t.withWorker(worker));
        }
        return result;
    }

    private static double busySeconds(ThreadTime t, Map<Long, Double> lockParkedSecondsByJavaId) {
        return t.runningSeconds() + t.blockedSeconds() + lockParkedSecondsByJavaId.getOrDefault(t.javaId(), 0.0);
    }
}
