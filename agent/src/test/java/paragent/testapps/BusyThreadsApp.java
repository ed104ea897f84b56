package paragent.testapps;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Six threads named {@code busy-N} that each burn 400 ms of their own CPU, more threads than this
 * machine has cores, so they wait in the run queue. Each reads its own CPU time from
 * {@code ThreadMXBean} as its last act; main prints them ({@code busy-N cpuNanos=...}) after the
 * threads have ended, then idles briefly so that periodic samples follow the exits.
 */
public final class BusyThreadsApp {

    private static final int THREADS = 6;
    private static final long CPU_PER_THREAD_NANOS = 400_000_000L;

    private BusyThreadsApp() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpuNanos = new long[THREADS];
        Thread[] workers = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            workers[i] = new Thread(() -> cpuNanos[index] = burn(mx), "busy-" + i);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (int i = 0; i < THREADS; i++) {
            System.out.println(workers[i].getName() + " cpuNanos=" + cpuNanos[i]);
        }
        Thread.sleep(300);
    }

    private static long burn(ThreadMXBean mx) {
        long sink = 0;
        while (mx.getCurrentThreadCpuTime() < CPU_PER_THREAD_NANOS) {
            for (int k = 0; k < 100_000; k++) {
                sink += k * 31L ^ sink;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return mx.getCurrentThreadCpuTime();
    }
}
