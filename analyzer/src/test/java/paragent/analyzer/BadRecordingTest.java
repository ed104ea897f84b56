package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.testing.Workloads;

/**
 * Bad input gives one clear line (or a partial analysis with a warning), never a raw stack trace:
 * missing, empty, foreign and directory inputs, and recordings cut at every kind of offset.
 */
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

    @Test
    void foreignFilesAreNotJfrRecordings() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("recording.jfr"));
            zip.write(Files.readAllBytes(Workloads.monitorContention()));
        }
        for (Map.Entry<String, byte[]> foreign : Map.of("image.png", png, "zipped.jfr", zipBytes.toByteArray(),
                "notes.txt", "not the events you are looking for\n".getBytes(StandardCharsets.UTF_8)).entrySet()) {
            Path file = Files.write(dir.resolve(foreign.getKey()), foreign.getValue());
            assertThatThrownBy(() -> Analyzer.analyze(file)).as(foreign.getKey())
                    .isInstanceOf(RecordingException.class)
                    .hasMessage(foreign.getKey() + " is not a JFR recording (it does not start with the JFR magic"
                            + " bytes 'FLR\\0')");
        }
    }

    @Test
    void cutInsideTheFirstChunkIsAnErrorNamingTheChunk() throws Exception {
        byte[] chunk = Files.readAllBytes(Workloads.monitorContention());
        byte[] three = concat(chunk, chunk, chunk);
        for (int cut : new int[] {8, 40, chunk.length / 2, chunk.length - 1}) {
            Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(three, cut));
            assertThatThrownBy(() -> Analyzer.analyze(file)).as("cut at %d", cut)
                    .isInstanceOf(RecordingException.class)
                    .message().startsWith("cut.jfr is truncated or corrupt: ")
                    .containsAnyOf("ends inside the header of chunk 1", "chunk 1 is cut off")
                    .endsWith("; re-record, and let the program exit normally");
        }
    }

    @Test
    void multiChunkRecordingCutLaterKeepsItsCompleteChunksWithAWarning() throws Exception {
        byte[] chunk = Files.readAllBytes(Workloads.monitorContention());
        Analysis twoChunks = Analyzer.analyze(Files.write(dir.resolve("two.jfr"), concat(chunk, chunk)));
        byte[] three = concat(chunk, chunk, chunk);
        Map<Integer, String> damageByCut = Map.of(
                2 * chunk.length + 10, "the file ends inside the header of chunk 3",
                2 * chunk.length + chunk.length / 3, "chunk 3 is cut off (" + chunk.length / 3 + " of its "
                        + chunk.length + " bytes)",
                3 * chunk.length - 1, "chunk 3 is cut off");
        for (Map.Entry<Integer, String> cut : damageByCut.entrySet()) {
            Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(three, cut.getKey()));

            Analysis partial = Analyzer.analyze(file);

            assertThat(partial.warnings()).as("cut at %d", cut.getKey())
                    .anyMatch(w -> w.startsWith("cut.jfr is truncated or corrupt (" + cut.getValue())
                            && w.contains("analyzed its 2 complete chunks"));
            assertThat(lockWaits(partial)).as("cut at %d", cut.getKey()).isEqualTo(lockWaits(twoChunks));
        }
    }

    @Test
    void foreignBytesAfterTheChunksAreDamageAfterTheCompleteOnes() throws Exception {
        byte[] chunk = Files.readAllBytes(Workloads.monitorContention());
        Path file = Files.write(dir.resolve("tail.jfr"), concat(chunk, "PK\3\4 a zip was appended".getBytes(
                StandardCharsets.US_ASCII)));

        Analysis partial = Analyzer.analyze(file);

        assertThat(partial.warnings()).anyMatch(w -> w.startsWith("tail.jfr is truncated or corrupt (chunk 2 at byte "
                + chunk.length + " does not start with the JFR magic bytes)"));
        assertThat(lockWaits(partial)).isPositive();
    }

    @Test
    void wholeMultiChunkRecordingHasNoDamageWarning() throws Exception {
        byte[] chunk = Files.readAllBytes(Workloads.monitorContention());
        Analysis one = Analyzer.analyze(Workloads.monitorContention());

        Analysis three = Analyzer.analyze(Files.write(dir.resolve("three.jfr"), concat(chunk, chunk, chunk)));

        assertThat(three.warnings()).noneMatch(w -> w.contains("truncated or corrupt"));
        assertThat(lockWaits(three)).isEqualTo(3 * lockWaits(one));
    }

    private static long lockWaits(Analysis analysis) {
        return analysis.locks().stream().mapToLong(l -> l.waits().count()).sum();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
