package paragent.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overhead harness's real workloads, at a hundredth of their size, in one JVM without the
 * agent and one with it: each runs, and the agent leaves every printed result as it was.
 */
class WorkloadsIT {

    private static final Pattern LINE = Pattern.compile("^(\\w+) threads=2 units=\\d+ wallMillis=\\d+ result=(-?\\d+)$",
            Pattern.MULTILINE);

    @Test
    void everyWorkloadPrintsTheSameResultWithTheAgentAsWithout(@TempDir Path out) throws Exception {
        Path stderr = out.resolve("stderr.txt");

        List<String> without = results(run(List.of(), stderr));
        List<String> with = results(run(List.of("-javaagent:" + paragentJar() + "=out=" + out + ",quiet"), stderr));

        assertThat(without).hasSize(Program.WORKLOADS.size());
        for (int i = 0; i < without.size(); i++) {
            assertThat(without.get(i)).startsWith(Program.WORKLOADS.get(i) + " ");
        }
        assertThat(with).isEqualTo(without);
        assertThat(Files.readAllLines(stderr)).as("the agent's own error lines").noneMatch(l -> l.startsWith("paragent:"));
    }

    /** The {@code NAME result=R} of each line the run printed, in order. */
    private static List<String> results(String stdout) {
        List<String> results = new ArrayList<>();
        Matcher m = LINE.matcher(stdout);
        while (m.find()) {
            results.add(m.group(1) + " result=" + m.group(2));
        }
        return results;
    }

    private static String run(List<String> agent, Path stderr) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agent);
        command.addAll(List.of("-cp", Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator
                + Files.readString(Path.of("target", "workload-classpath.txt"), StandardCharsets.UTF_8).strip(),
                "paragent.demo.bench.workload.WorkloadMain", String.join(",", Program.WORKLOADS), "--scale", "0.01"));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(process.exitValue()).as(command + "\n" + Files.readString(stderr)).isZero();
        return stdout;
    }

    private static Path paragentJar() {
        String configured = System.getProperty("paragent.jar");
        return Path.of(configured == null || configured.isBlank() ? "../agent/target/paragent.jar" : configured)
                .toAbsolutePath();
    }
}
