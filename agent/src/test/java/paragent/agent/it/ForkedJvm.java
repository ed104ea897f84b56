package paragent.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program in a new JVM of the JDK running the tests, and captures what it did. */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of(System.getProperty("paragent.jar", "target/paragent.jar")).toAbsolutePath();
    static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

    /**
     * The signal HotSpot suspends threads with (JFR's execution sampler), moved off its default
     * SIGUSR2: PoCL's LLVM takes SIGUSR2 for an interrupt and deletes the temporary files of a
     * compile in progress, so a sample landing during {@code clBuildProgram} failed it ("unable to
     * rename temporary … No such file or directory"). docs/GPU.md tells users the same.
     */
    static final String SUSPEND_RESUME_SIGNAL = "40";

    /** PoCL's kernel cache for the programs this test JVM forks: theirs alone, not the user's. */
    static final Path POCL_CACHE_DIR = Path.of("target", "pocl-cache-" + ProcessHandle.current().pid()).toAbsolutePath();

    private ForkedJvm() {
    }

    /** The result of one run. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /**
         * stderr as messages: each line is one, except that the exit output's lines for findings 2
         * and 3 ({@code "  2. KIND …"}) belong to the {@code paragent:} line they follow.
         */
        List<String> stderrMessages() {
            List<String> messages = new ArrayList<>();
            for (String line : stderrLines()) {
                int last = messages.size() - 1;
                if (last >= 0 && line.matches(" {2}[23]\\. [A-Z_]+ .*") && messages.get(last).startsWith("paragent: ")) {
                    messages.set(last, messages.get(last) + "\n" + line);
                } else {
                    messages.add(line);
                }
            }
            return messages;
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static List<String> command(String agentArgs, String classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        if (agentArgs != null) {
            command.add("-javaagent:" + AGENT_JAR + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
        return run(command, workDir, Map.of());
    }

    /** @param environment variables set for the program, on top of the tests' own environment */
    static Result run(List<String> command, Path workDir, Map<String, String> environment)
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
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
