package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options and bad output directories: one clear line each, and the program runs on. */
class AgentOptionsIT {

    private static final String APP = "paragent.testapps.ExitingApp";

    @TempDir
    Path dir;

    @Test
    void unknownOptionGetsOneLineAndTheValidOptionsStillApply() throws Exception {
        Path out = dir.resolve("reports");
        ForkedJvm.Result result = ForkedJvm.run(
                ForkedJvm.command("out=" + out + ",colour=blue,json", ForkedJvm.TEST_CLASSES.toString(), APP), dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=400000\n");
        assertThat(result.stderrMessages()).hasSize(2);
        assertThat(result.stderrLines().get(0))
                .isEqualTo("paragent: unknown option 'colour' (valid: out, html, json, jfr, quiet, duration, "
                        + "threshold, interval, children, flame, cache); the program runs with the other options");
        assertThat(ExitReportIT.reports(out)).singleElement()
                .satisfies(p -> assertThat(p.toString()).endsWith(".json"));
    }

    @Test
    void malformedDurationGetsOneLine() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + dir + ",duration=soon,quiet",
                ForkedJvm.TEST_CLASSES.toString(), APP), dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("paragent: option 'duration' needs a duration like 500us, 10ms, 30s "
                + "or 2m, not 'soon'; the program runs with the other options\n");
        assertThat(ExitReportIT.reports(dir)).hasSize(3);
    }

    @Test
    void unwritableOutputDirectoryFallsBackToTempAndSaysWhere() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        // Tests may run as root, which ignores permissions; a path under a regular file is
        // unwritable for everyone.
        Path unwritable = blocker.resolve("reports");
        var command = ForkedJvm.command("out=" + unwritable, ForkedJvm.TEST_CLASSES.toString(), APP);
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        ForkedJvm.Result result = ForkedJvm.run(command, dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=400000\n");
        assertThat(result.stderrLines().get(0)).startsWith("paragent: cannot write to out=" + unwritable)
                .contains("writing the reports to " + tmp);
        try (var dirs = Files.list(tmp)) {
            Path fallback = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(ExitReportIT.reports(fallback)).hasSize(3);
        }
    }

    @Test
    void defaultRunPrintsNoJvmWarnings() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("", ForkedJvm.TEST_CLASSES.toString(), APP), dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderrMessages()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("paragent: "));
        assertThat(result.stderr()).doesNotContainIgnoringCase("warning");
        assertThat(ExitReportIT.reports(dir)).hasSize(3);
    }

    @Test
    void durationWritesTheReportsWhileTheProgramRunsOn() throws Exception {
        Path out = dir.resolve("timed");
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + out + ",duration=1s",
                ForkedJvm.TEST_CLASSES.toString(), APP, "sleep3"), dir);
        assertThat(result.exitCode()).isZero();
        assertThat(ExitReportIT.reports(out)).hasSize(3);
        assertThat(result.stderrMessages()).hasSize(1);
    }

    /**
     * The first JVM weaves with ByteBuddy and fills its private weave cache; a later one that finds
     * every class it weaves there loads no ByteBuddy class at all. A JVM may hand the agent a class
     * in another form than the first did (JDK 17 reconstitutes ScheduledThreadPoolExecutor with its
     * constructors in one of two orders): that JVM weaves and stores the new form, so the warm run
     * is repeated, at most three times, until one finds nothing new.
     */
    @Test
    void aWarmWeaveCacheStartsWithoutLoadingByteBuddy() throws Exception {
        Path cache = dir.resolve("weave");
        String options = "out=" + dir.resolve("reports") + ",jfr,quiet,cache=" + cache;
        ForkedJvm.Result cold = ForkedJvm.run(ForkedJvm.command(options, ForkedJvm.TEST_CLASSES.toString(), APP), dir);
        assertThat(cold.exitCode()).isZero();
        assertThat(cold.stderr()).isEmpty();
        assertThat(entries(cache)).anyMatch(entry -> entry.startsWith("java.lang.Thread/"))
                .anyMatch(entry -> entry.startsWith("java.util.concurrent.ThreadPoolExecutor/"));

        Path classLoading = dir.resolve("class-load.txt");
        var command = ForkedJvm.command(options, ForkedJvm.TEST_CLASSES.toString(), APP);
        command.add(1, "-Xlog:class+load=info:file=" + classLoading);
        for (int run = 1; run <= 3; run++) {
            List<String> before = entries(cache);
            ForkedJvm.Result warm = ForkedJvm.run(command, dir);
            assertThat(warm.exitCode()).isZero();
            assertThat(warm.stdout()).isEqualTo(cold.stdout());
            assertThat(warm.stderr()).isEmpty();
            if (entries(cache).equals(before)) {
                assertThat(Files.readString(classLoading)).contains("paragent.agent.instrumentation.WeavingTransformer")
                        .doesNotContain("bytebuddy");
                return;
            }
        }
        throw new AssertionError("three warm JVMs each wove a class anew: " + entries(cache));
    }

    /** The cache's entries, as {@code class/file} names. */
    private static List<String> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).map(f -> cache.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void agentGivenTwiceRunsOnce() throws Exception {
        var command = ForkedJvm.command("out=" + dir, ForkedJvm.TEST_CLASSES.toString(), APP);
        command.add(1, "-javaagent:" + ForkedJvm.AGENT_JAR + "=out=" + dir);
        ForkedJvm.Result result = ForkedJvm.run(command, dir);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).contains("paragent: the agent is already running in this JVM");
        assertThat(ExitReportIT.reports(dir)).hasSize(3);
    }
}
