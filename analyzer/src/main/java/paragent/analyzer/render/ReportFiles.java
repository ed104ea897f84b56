package paragent.analyzer.render;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader never sees a half-written one. Stateless; thread-safe
 * (concurrent writers of the same target each write their own temp file; the last move wins).
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes UTF-8 text to a temp file in the target's directory, then moves it over the target,
     * atomically where the file system supports it. On failure the temp file is deleted and the
     * target is left as it was.
     *
     * @param target the file to create or replace
     * @param body writes the content
     * @throws IOException when writing or moving fails
     */
    public static void writeAtomically(Path target, IoWriterBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temp = createTemp(directory, "." + absolute.getFileName());
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Creates an empty temp file with the permissions of any new file (the umask's), so the
     * report ends up readable like the recording beside it; {@code Files.createTempFile} would
     * make it owner-only.
     */
    private static Path createTemp(Path directory, String prefix) throws IOException {
        while (true) {
            Path candidate = directory.resolve(prefix + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another writer's name: draw again
            }
        }
    }
}
