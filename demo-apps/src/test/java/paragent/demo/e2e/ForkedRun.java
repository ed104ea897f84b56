package paragent.demo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Forks a JVM (the one running the tests) for the end-to-end tests: a demo under the agent, a demo
 * under a plain JFR recording, or paragent's CLI; collects exit code, stdout, stderr and the JSON
 * summary. Forks run one at a time (the machine has 2 cores). Stateless apart from the finished
 * run it returns; each run is confined to its test's thread.
 */
final class ForkedRun {

    /** Longest a single forked JVM may run before the test fails. */
    static final long TIMEOUT_SECONDS = 120;

    private static final ObjectMapper JSON = new ObjectMapper();

    final int exitCode;
    final String stdout;
    final String stderr;
    final String description;

    /**
     * The signal HotSpot suspends threads with (JFR's execution sampler), moved off its default
     * SIGUSR2: PoCL's LLVM takes SIGUSR2 for an interrupt and deletes the temporary files of a
     * compile in progress, so a sample landing during {@code clBuildProgram} failed it ("unable to
     * rename temporary … No such file or directory"). docs/GPU.md tells users the same.
     */
    static final String SUSPEND_RESUME_SIGNAL = "40";

    /** PoCL's kernel cache for the programs this test JVM forks: theirs alone, not the user's. */
    static final Path POCL_CACHE_DIR = Path.of("target", "pocl-cache-" + ProcessHandle.current().pid()).toAbsolutePath();

    private ForkedRun(int exitCode, String stdout, String stderr, String description) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.description = description;
    }

    static Path paragentJar() {
        return jar("paragent.jar", "../agent/target/paragent.jar");
    }

    static Path demoJar() {
        return jar("demo.jar", "target/demo-apps.jar");
    }

    private static Path jar(String property, String fallback) {
        String configured = System.getProperty(property);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " is missing; run mvn install -DskipTests first");
        }
        return path.toAbsolutePath();
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs {@code demo-apps.jar demoArgs} under the agent, writing its reports into {@code outDir}. */
    static ForkedRun demoUnderAgent(Path outDir, List<String> demoArgs) throws IOException, InterruptedException {
        return demoUnderAgent(outDir, demoArgs, "");
    }

    /**
     * Runs {@code demo-apps.jar demoArgs} under the agent with {@code agentOptions} (comma-separated,
     * e.g. {@code children}) added, writing its reports into {@code outDir}.
     */
    static ForkedRun demoUnderAgent(Path outDir, List<String> demoArgs, String agentOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(),
                "-javaagent:" + paragentJar() + "=out=" + outDir.toAbsolutePath()
                        + (agentOptions.isEmpty() ? "" : "," + agentOptions),
                "-jar", demoJar().toString()));
        command.addAll(demoArgs);
        return run(command, outDir);
    }

    /** Runs {@code demo-apps.jar demoArgs} with a plain {@code -XX:StartFlightRecording} to {@code jfr}. */
    static ForkedRun demoUnderPlainJfr(Path jfr, List<String> demoArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(),
                "-XX:StartFlightRecording:filename=" + jfr.toAbsolutePath(),
                "-jar", demoJar().toString()));
        command.addAll(demoArgs);
        return run(command, jfr.toAbsolutePath().getParent());
    }

    /** Runs {@code demo-apps.jar demoArgs} without an agent, with {@code environment} added to the inherited one. */
    static ForkedRun demo(Path workDir, Map<String, String> environment, List<String> demoArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), "-jar", demoJar().toString()));
        command.addAll(demoArgs);
        return run(command, workDir, environment);
    }

    /** Runs {@code java -jar paragent.jar cliArgs}. */
    static ForkedRun cli(Path workDir, List<String> cliArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), "-jar", paragentJar().toString()));
        command.addAll(cliArgs);
        return run(command, workDir);
    }

    private static ForkedRun run(List<String> command, Path workDir) throws IOException, InterruptedException {
        return run(command, workDir, Map.of());
    }

    private static ForkedRun run(List<String> command, Path workDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("POCL_CACHE_DIR", POCL_CACHE_DIR.toString());
        builder.environment().put("_JAVA_SR_SIGNUM", SUSPEND_RESUME_SIGNAL);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new ForkedRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), String.join(" ", command));
    }

    /** The demo's result line ({@code NAME variant=V threads=N wallMillis=MS result=R}), if printed. */
    Optional<String> resultLine(String demoName) {
        return stdout.lines().filter(l -> l.startsWith(demoName + " variant=") && l.contains(" result=")).findFirst();
    }

    /** The value of the demo's {@code metric.KEY=VALUE} line. */
    long metric(String key) {
        String prefix = "metric." + key + "=";
        return stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " line in\n" + this));
    }

    /** Reads the one {@code paragent-*.json} the agent wrote into {@code outDir}. */
    static JsonNode summaryIn(Path outDir) throws IOException {
        try (Stream<Path> files = Files.list(outDir)) {
            List<Path> json = files.filter(p -> p.getFileName().toString().matches("paragent-\\d+\\.json")).toList();
            if (json.size() != 1) {
                throw new AssertionError("expected one paragent-<pid>.json in " + outDir + ", found " + json);
            }
            return readJson(json.get(0));
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The first finding (the largest), or fails listing the run's output. */
    static JsonNode topFinding(JsonNode summary) {
        JsonNode findings = summary.path("findings");
        if (!findings.isArray() || findings.isEmpty()) {
            throw new AssertionError("no findings in " + summary);
        }
        return findings.get(0);
    }

    /** Sum of {@code threads[].seconds.FIELD} over threads whose name starts with {@code namePrefix}. */
    static double sumThreadSeconds(JsonNode summary, String namePrefix, String field) {
        double sum = 0;
        for (JsonNode t : summary.path("threads")) {
            if (t.path("name").asText().startsWith(namePrefix)) {
                sum += t.path("seconds").path(field).asDouble();
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return description + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
