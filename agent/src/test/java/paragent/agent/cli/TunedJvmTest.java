package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedJvmTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/opt/paragent.jar");
    private static final long BIG = TunedJvm.MIN_BYTES;

    @Test
    void aLargeReportRunsInAJvmWithTheFlagsAndThisJvmsOptions() {
        String[] args = {"report", "big.jfr", "-o", "big.html"};

        List<String> command = TunedJvm.command(JAVA, JAR, List.of("-Xmx512m", "-Dx=y"), args, BIG).orElseThrow();

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx512m", "-Dx=y", "-XX:+UseParallelGC",
                "-XX:TieredStopAtLevel=1", "-Dparagent.tuned=true", "-jar", "/opt/paragent.jar", "report", "big.jfr",
                "-o", "big.html");
    }

    @Test
    void smallInputsOtherCommandsAndNoArgumentsStayInThisJvm() {
        assertThat(TunedJvm.command(JAVA, JAR, List.of(), new String[] {"report", "a.jfr"}, BIG - 1)).isEmpty();
        assertThat(TunedJvm.command(JAVA, JAR, List.of(), new String[] {"summary", "a.jfr"}, BIG)).isPresent();
        assertThat(TunedJvm.command(JAVA, JAR, List.of(), new String[] {"check", "a.json"}, BIG)).isEmpty();
        assertThat(TunedJvm.command(JAVA, JAR, List.of(), new String[] {"scale", "--", "java"}, BIG)).isEmpty();
        assertThat(TunedJvm.command(JAVA, JAR, List.of(), new String[0], BIG)).isEmpty();
    }

    @Test
    void theUsersOwnCollectorOrCompilationChoiceIsKept() {
        String[] args = {"report", "big.jfr"};

        assertThat(TunedJvm.command(JAVA, JAR, List.of("-XX:+UseZGC"), args, BIG).orElseThrow())
                .contains("-XX:+UseZGC", "-XX:TieredStopAtLevel=1").doesNotContain("-XX:+UseParallelGC");
        assertThat(TunedJvm.command(JAVA, JAR, List.of("-XX:-TieredCompilation"), args, BIG).orElseThrow())
                .contains("-XX:+UseParallelGC").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(TunedJvm.command(JAVA, JAR, List.of("-XX:+UseG1GC", "-XX:TieredStopAtLevel=4"), args, BIG))
                .as("nothing left to tune").isEmpty();
    }

    @Test
    void inputBytesCountsTheExistingFilesOnly(@TempDir Path dir) throws IOException {
        Path a = sized(dir.resolve("a.jfr"), 3_000);
        Path b = sized(dir.resolve("b.jfr"), 5_000);
        Files.createDirectories(dir.resolve("runs"));

        long bytes = TunedJvm.inputBytes(new String[] {"report", a.toString(), b.toString(), "-o",
            dir.resolve("missing.html").toString(), dir.resolve("runs").toString(), "--json", "\0bad"});

        assertThat(bytes).isEqualTo(8_000);
    }

    private static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }
}
