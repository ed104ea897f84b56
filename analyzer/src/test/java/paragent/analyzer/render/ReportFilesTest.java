package paragent.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files: whole or not at all, and readable like any other new file. */
class ReportFilesTest {

    @Test
    void writesAndReplacesTheTargetAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("r.html");
        ReportFiles.writeAtomically(target, w -> w.write("first"));
        ReportFiles.writeAtomically(target, w -> w.write("second é"));

        assertThat(Files.readString(target)).isEqualTo("second é");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailingBodyLeavesTheOldTargetAndNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("r.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> ReportFiles.writeAtomically(target, w -> {
            w.write("half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void theReportGetsTheUmasksPermissionsNotOwnerOnly(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("r.html");

        ReportFiles.writeAtomically(target, w -> w.write("x"));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
