package paragent.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * Files that paragent.jar carries whole under {@code META-INF/paragent/} (jars whose JNI natives
 * are bound to their own class names, which therefore can be neither relocated nor loose on the
 * application's class path: JOCL, async-profiler) and the private temporary directories they are
 * extracted to. Stateless, thread-safe.
 */
public final class NestedJars {

    private NestedJars() {
    }

    /**
     * Creates a directory only this user can read, write or enter (where the file system knows
     * POSIX permissions), under {@code parent}, or under {@code java.io.tmpdir} when null.
     */
    public static Path privateTempDir(Path parent, String prefix) throws IOException {
        Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(base, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(base, prefix);
    }

    /**
     * Copies the resource {@code resourceDir + name} of paragent.jar to {@code dir/name}.
     *
     * @param resourceDir absolute resource folder ending in {@code /}, e.g. {@code /META-INF/paragent/gpu/}
     * @throws IOException also when paragent.jar lacks the resource (a partial build)
     */
    public static Path extract(String resourceDir, String name, Path dir) throws IOException {
        try (InputStream in = NestedJars.class.getResourceAsStream(resourceDir + name)) {
            if (in == null) {
                throw new IOException("paragent.jar lacks " + resourceDir + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /** Deletes what can be deleted now, and asks the JVM to delete the rest at exit. */
    public static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    path.toFile().deleteOnExit();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
