package paragent.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the Linux {@code /proc} counters the harness needs, in clock ticks ({@code USER_HZ}).
 *
 * <p>The run's own CPU time comes from this (harness) process's {@code cutime + cstime}: the kernel
 * adds a child's whole user and system time there when the child is reaped, which
 * {@link Process#waitFor()} does. The figure is therefore exact to one tick and includes the
 * child's exit (the agent's exit report), which sampling the live child cannot see. It only holds
 * while one child at a time is started and reaped. Stateless; every method reads afresh.
 */
final class ProcStat {

    /** Clock ticks per second assumed when {@code getconf CLK_TCK} cannot be run. */
    static final long DEFAULT_TICKS_PER_SECOND = 100;

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    // Zero-based positions in /proc/[pid]/stat after the ") " that closes the command name,
    // where field 3 (state) is index 0.
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private ProcStat() {
    }

    /** Busy (non-idle, non-iowait) ticks summed over all CPUs since boot: the aggregate "cpu" line. */
    static long machineBusyTicks() throws IOException {
        String[] f = firstLine(PROC_STAT).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }

    /** CPUs the kernel accounts in /proc/stat ({@code cpuN} lines), whatever this process's affinity. */
    static int machineCpus() throws IOException {
        List<String> lines = Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII);
        return (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
    }

    /** This process's own user + system ticks. */
    static long selfTicks() throws IOException {
        String[] f = selfFields();
        return Long.parseLong(f[UTIME]) + Long.parseLong(f[STIME]);
    }

    /** User + system ticks of this process's reaped children. */
    static long reapedChildrenTicks() throws IOException {
        String[] f = selfFields();
        return Long.parseLong(f[CUTIME]) + Long.parseLong(f[CSTIME]);
    }

    /** {@code USER_HZ} from {@code getconf CLK_TCK}, or {@link #DEFAULT_TICKS_PER_SECOND}. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : DEFAULT_TICKS_PER_SECOND;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_TICKS_PER_SECOND;
        }
    }

    /** The {@code model name} of the first CPU in /proc/cpuinfo, or "unknown". */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    private static String[] selfFields() throws IOException {
        String line = firstLine(SELF_STAT);
        return line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    private static String firstLine(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
