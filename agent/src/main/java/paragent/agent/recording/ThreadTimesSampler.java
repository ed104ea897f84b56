package paragent.agent.recording;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import paragent.agent.bootstrap.ThreadTimesEvent;

/**
 * Writes {@link ThreadTimesEvent}s: every live thread's cumulative CPU, blocked and waited time
 * from {@link ThreadMXBean}, with contention monitoring switched on so blocked and waited times
 * are measured. Called periodically for all threads and by each thread as it exits, so a thread's
 * final totals are kept even when it ends between two periods.
 *
 * <p>Thread-safe: it keeps no mutable state; every call reads the MXBean afresh.
 */
final class ThreadTimesSampler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime;

    ThreadTimesSampler() {
        boolean cpu = false;
        try {
            if (threads.isThreadContentionMonitoringSupported()) {
                threads.setThreadContentionMonitoringEnabled(true);
            }
            if (threads.isThreadCpuTimeSupported()) {
                threads.setThreadCpuTimeEnabled(true);
                cpu = true;
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            // Totals stay at -1 where the JVM cannot measure them; the analyzer falls back to JFR.
        }
        this.cpuTime = cpu;
    }

    /** Writes one event for every live platform thread. */
    void emitAll() {
        emitAll(false);
    }

    /** Writes the baseline: every live thread's totals as the recording starts. */
    void emitBaseline() {
        emitAll(true);
    }

    private void emitAll(boolean baseline) {
        for (Thread thread : Threads.live()) {
            emit(thread, baseline);
        }
    }

    /** Writes one event for {@code thread}, if it is still alive. */
    void emit(Thread thread) {
        emit(thread, false);
    }

    private void emit(Thread thread, boolean baseline) {
        long id = thread.getId();
        ThreadInfo info = threads.getThreadInfo(id);
        if (info == null) {
            return;
        }
        ThreadTimesEvent event = new ThreadTimesEvent();
        event.thread = thread;
        event.cpuNanos = cpuTime ? threads.getThreadCpuTime(id) : -1;
        event.userNanos = cpuTime ? threads.getThreadUserTime(id) : -1;
        event.blockedNanos = millisToNanos(info.getBlockedTime());
        event.blockedCount = info.getBlockedCount();
        event.waitedNanos = millisToNanos(info.getWaitedTime());
        event.waitedCount = info.getWaitedCount();
        event.baseline = baseline;
        event.commit();
    }

    private static long millisToNanos(long millis) {
        return millis < 0 ? -1 : millis * 1_000_000L;
    }
}
