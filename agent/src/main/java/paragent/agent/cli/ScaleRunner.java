package paragent.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import paragent.analyzer.scaling.ScalingInput;

/**
 * Makes the runs of a {@link ScalePlan} one after another, each a process of its own with its
 * output in its run directory, and measures around each how much CPU other processes took. Stops
 * at the first run that fails or times out. Not thread-safe: one runner makes one plan's runs.
 */
final class ScaleRunner {

    /** A run that failed: the message is one line naming the run and its stderr file. */
    static final class RunFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        RunFailedException(String message) {
            super(message);
        }
    }

    private final ScalePlan plan;
    private final Duration timeout;
    private final PrintWriter progress;

    /**
     * @param timeout the longest a run may take before its process tree is killed; null for no limit
     * @param progress where one line per finished run goes
     */
    ScaleRunner(ScalePlan plan, Duration timeout, PrintWriter progress) {
        this.plan = plan;
        this.timeout = timeout;
        this.progress = progress;
    }

    /** @return the runs, in the order they ran, with their recordings (the root's first) */
    List<ScalingInput> runAll() throws IOException, InterruptedException, RunFailedException {
        List<ScalePlan.Run> runs = plan.runs();
        for (ScalePlan.Run run : runs) {
            if (Files.exists(run.dir())) {
                throw new RunFailedException("paragent scale: " + run.dir() + " already exists: choose a new --out");
            }
        }
        List<ScalingInput> inputs = new ArrayList<>();
        for (ScalePlan.Run run : runs) {
            inputs.add(runOne(run));
        }
        return inputs;
    }

    private ScalingInput runOne(ScalePlan.Run run) throws IOException, InterruptedException, RunFailedException {
        Files.createDirectories(run.dir());
        Path stderr = run.dir().resolve("stderr.txt");
        ScalePlan.Launch launch = plan.launch(run, System.getenv(ScalePlan.JAVA_TOOL_OPTIONS));
        ProcessBuilder builder = new ProcessBuilder(launch.argv())
                .redirectOutput(run.dir().resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(launch.environment());
        CpuTicks before = CpuTicks.read();
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RunFailedException("paragent scale: run " + run.name() + " could not start "
                    + launch.argv().get(0) + ": " + e.getMessage());
        }
        process.getOutputStream().close();
        boolean ended = waitFor(process);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        if (!ended) {
            killTree(process);
            throw new RunFailedException("paragent scale: run " + run.name() + " (" + describe(run)
                    + ") took longer than --timeout " + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + " and was killed; its output: " + stderr);
        }
        Double foreignCores = CpuTicks.foreignCores(before, CpuTicks.read(), wallSeconds);
        if (process.exitValue() != 0) {
            throw new RunFailedException("paragent scale: run " + run.name() + " (" + describe(run)
                    + ") exited with " + process.exitValue() + "; see " + stderr);
        }
        List<Path> recordings = recordings(run.dir(), process.pid());
        if (recordings.isEmpty()) {
            throw new RunFailedException("paragent scale: run " + run.name() + " left no recording in " + run.dir()
                    + ": does the command start a JVM? See " + stderr);
        }
        progress.println(String.format(Locale.ROOT, "scale: %d thread%s, repeat %d/%d: %.2f s", run.threads(),
                run.threads() == 1 ? "" : "s", run.repeat(), plan.repeats(), wallSeconds));
        progress.flush();
        return new ScalingInput(run.threads(), recordings, foreignCores);
    }

    private boolean waitFor(Process process) throws InterruptedException {
        if (timeout == null) {
            process.waitFor();
            return true;
        }
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String describe(ScalePlan.Run run) {
        return run.threads() + " thread" + (run.threads() == 1 ? "" : "s") + ", repeat " + run.repeat();
    }

    /** Kills the process and everything it started, children first so that none is re-parented and missed. */
    private static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * @param rootPid the pid of the process the run started
     * @return every {@code .jfr} in the directory: {@code paragent-<rootPid>.jfr} first, then the
     *     others by pid (file name), the order in which they were usually started
     */
    static List<Path> recordings(Path dir, long rootPid) throws IOException {
        String root = "paragent-" + rootPid + ".jfr";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jfr"))
                    .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().equals(root))
                            .thenComparingLong(ScaleRunner::pidOf)
                            .thenComparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    private static long pidOf(Path recording) {
        String digits = recording.getFileName().toString().replaceAll("\\D", "");
        try {
            return digits.isEmpty() ? Long.MAX_VALUE : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
