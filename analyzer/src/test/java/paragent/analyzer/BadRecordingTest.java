package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.testing.Workloads;

/** Bad input gives one clear line (or a partial analysis with a warning), never a raw stack trace. */
class BadRecordingTest {

    @TempDir
    Path dir;

    @Test
    void missingFileSaysNoSuchFile() {
        Path missing = dir.resolve("x.jfr");
        assertThatThrownBy(() -> Analyzer.analyze(missing))
                .isInstanceOf(RecordingException.class)
                .hasMessage("no such file: " + missing);
    }

    @Test
    void emptyFileAsksAboutSigkill() throws Exception {
        Path empty = Files.createFile(dir.resolve("x.jfr"));
        assertThatThrownBy(() -> Analyzer.analyze(empty))
                .isInstanceOf(RecordingException.class)
                .hasMessage("x.jfr is empty (0 bytes): the recording was not written; was the JVM killed with SIGKILL?");
    }

    @Test
    void randomBytesAreNotAJfrRecording() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path random = Files.write(dir.resolve("x.jfr"), bytes);
        assertThatThrownBy(() -> Analyzer.analyze(random))
                .isInstanceOf(RecordingException.class)
                .hasMessage("x.jfr is not a JFR recording (it does not start with the JFR magic bytes 'FLR\\0')");
    }

    @Test
    void directoryIsNotARecording() {
        assertThatThrownBy(() -> Analyzer.analyze(dir))
                .isInstanceOf(RecordingException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void magicFollowedByGarbageIsCorrupt() throws Exception {
        byte[] bytes = new byte[512];
        new Random(7).nextBytes(bytes);
        bytes[0] = 'F';
        bytes[1] = 'L';
        bytes[2] = 'R';
        bytes[3] = 0;
        Path garbage = Files.write(dir.resolve("x.jfr"), bytes);
        assertThatThrownBy(() -> Analyzer.analyze(garbage))
                .isInstanceOf(RecordingException.class)
                .message().startsWith("x.jfr is truncated or corrupt: ")
                .endsWith("; re-record, and let the program exit normally")
                .doesNotContain("\n");
    }

    @Test
    void recordingTruncatedToHalfFailsClearlyOrWarns() throws Exception {
        byte[] whole = Files.readAllBytes(Workloads.monitorContention());
        Path half = Files.write(dir.resolve("half.jfr"), Arrays.copyOf(whole, whole.length / 2));
        try {
            Analysis partial = Analyzer.analyze(half);
            assertThat(partial.warnings()).anyMatch(w -> w.contains("truncated or corrupt"));
        } catch (RecordingException e) {
            assertThat(e.getMessage()).startsWith("half.jfr is truncated or corrupt: ").doesNotContain("\n");
        }
    }
}
