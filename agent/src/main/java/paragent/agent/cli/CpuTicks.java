package paragent.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was around one run, from Linux's {@code /proc}: the busy jiffies of all
 * CPUs ({@code /proc/stat}'s {@code cpu} line: user + nice + system + irq + softirq + steal) and
 * the CPU of this process's waited-for children ({@code /proc/self/stat}'s cutime + cstime, which
 * include their own waited-for descendants). What the machine did beyond the run's process tree is
 * CPU other processes took: the run was disturbed. Immutable; thread-safe.
 *
 * @param busyTicks busy jiffies of all CPUs since boot
 * @param childrenTicks CPU jiffies of this process's reaped children
 */
record CpuTicks(long busyTicks, long childrenTicks) {

    /** Linux's {@code USER_HZ}: the unit of both files' counters, 100 on every mainstream platform. */
    static final int TICKS_PER_SECOND = 100;

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path PROC_SELF_STAT = Path.of("/proc/self/stat");
    /** In {@code /proc/self/stat}, fields after the parenthesized command: cutime is field 16, the state field 3. */
    private static final int CUTIME_AFTER_COMMAND = 16 - 3;

    /** @return the counters now, or null when {@code /proc} cannot be read (not Linux) */
    static CpuTicks read() {
        try {
            return new CpuTicks(busyTicks(Files.readString(PROC_STAT)), childrenTicks(Files.readString(PROC_SELF_STAT)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param before the counters before the run, or null
     * @param after the counters after the run (its process reaped), or null
     * @param wallSeconds the run's wall time
     * @return the cores other processes used on average during the run, at least 0; null when unknown
     */
    static Double foreignCores(CpuTicks before, CpuTicks after, double wallSeconds) {
        if (before == null || after == null || wallSeconds <= 0) {
            return null;
        }
        long foreign = (after.busyTicks - before.busyTicks) - (after.childrenTicks - before.childrenTicks);
        return Math.max(0, foreign / (double) TICKS_PER_SECOND / wallSeconds);
    }

    /** @return the busy jiffies of {@code /proc/stat}'s aggregate {@code cpu} line */
    static long busyTicks(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu")) {
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + steal;
            }
        }
        throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
    }

    /** @return cutime + cstime of a {@code /proc/<pid>/stat} line; the command may hold spaces and parentheses */
    static long childrenTicks(String selfStat) {
        String[] f = selfStat.substring(selfStat.lastIndexOf(')') + 1).trim().split("\\s+");
        return Long.parseLong(f[CUTIME_AFTER_COMMAND]) + Long.parseLong(f[CUTIME_AFTER_COMMAND + 1]);
    }
}
