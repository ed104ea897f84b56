package paragent.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one child JVM, waits for it, and measures its wall time, its own CPU time and how much
 * other work the machine did meanwhile.
 *
 * <p>Disturbance: the machine's busy ticks (all CPUs, {@code /proc/stat}) are read before start and
 * after reaping; what the child and this harness did not use themselves is foreign CPU. A run is
 * disturbed when foreign CPU exceeds {@code disturbanceFraction} × wall × CPUs. Tick resolution
 * (10 ms at {@code USER_HZ=100}) makes this coarse for runs under a few hundred milliseconds.
 *
 * <p>Not thread-safe: the reaped-children counter it reads is per process, so only one child may
 * run at a time.
 */
final class ChildRunner {

    private static final Pattern WALL_MILLIS = Pattern.compile("\\bwallMillis=(\\d+)");
    private static final Pattern RESULT = Pattern.compile("\\bresult=(\\S+)");

    private final long ticksPerSecond;
    private final int machineCpus;
    private final double disturbanceFraction;

    ChildRunner(long ticksPerSecond, int machineCpus, double disturbanceFraction) {
        this.ticksPerSecond = ticksPerSecond;
        this.machineCpus = machineCpus;
        this.disturbanceFraction = disturbanceFraction;
    }

    /**
     * Runs {@code command} to completion.
     *
     * @throws IOException if it cannot be started, exits non-zero, or a demo prints no wallMillis
     */
    RunSample run(Program program, Side side, int pair, List<String> command, Path scratch)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(stderr.toFile());

        long busyBefore = ProcStat.machineBusyTicks();
        long selfBefore = ProcStat.selfTicks();
        long childrenBefore = ProcStat.reapedChildrenTicks();
        long startNanos = System.nanoTime();
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        int exitCode = process.waitFor();
        long wallNanos = System.nanoTime() - startNanos;
        long childTicks = ProcStat.reapedChildrenTicks() - childrenBefore;
        long selfTicks = ProcStat.selfTicks() - selfBefore;
        long busyTicks = ProcStat.machineBusyTicks() - busyBefore;

        String out = new String(stdout, StandardCharsets.UTF_8);
        if (exitCode != 0) {
            throw new IOException(program.name() + " (" + side.label + ") exited "
                    + exitCode + ": " + Files.readString(stderr, StandardCharsets.UTF_8).strip());
        }
        Files.delete(stderr);
        long demoWallMillis = -1;
        if (program.printsWallMillis()) {
            Matcher m = WALL_MILLIS.matcher(out);
            if (!m.find()) {
                throw new IOException(program.name() + " printed no wallMillis: " + out.strip());
            }
            demoWallMillis = Long.parseLong(m.group(1));
        }
        StringJoiner results = new StringJoiner(",");
        RESULT.matcher(out).results().forEach(r -> results.add(r.group(1)));
        double wallMillis = wallNanos / 1e6;
        double cpuMillis = ticksToMillis(childTicks);
        double foreignMillis = Math.max(0, ticksToMillis(busyTicks - childTicks - selfTicks));
        boolean disturbed = foreignMillis > disturbanceFraction * wallMillis * machineCpus;
        return new RunSample(program.name(), side, pair, wallMillis, demoWallMillis, cpuMillis, foreignMillis,
                disturbed, results.toString());
    }

    private double ticksToMillis(long ticks) {
        return ticks * 1000.0 / ticksPerSecond;
    }
}
