package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.render.ReportFiles;

/** Reports appear whole or not at all. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesTarget() throws Exception {
        Path target = dir.resolve("r.html");
        ReportFiles.writeAtomically(target, w -> w.write("first"));
        ReportFiles.writeAtomically(target, w -> w.write("second é"));

        assertThat(Files.readString(target)).isEqualTo("second é");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failingBodyLeavesTargetAndNoTempFile() throws Exception {
        Path target = dir.resolve("r.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> ReportFiles.writeAtomically(target, w -> {
            w.write("partial");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
