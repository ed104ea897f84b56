package paragent.agent.instrumentation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import paragent.agent.internal.Log;

/**
 * The on-disk store of woven class bytes, content-addressed: an entry's name is made of the
 * {@linkplain WeaveFingerprint weaving's fingerprint}, the CRC-32 and Adler-32 of the class bytes
 * the JVM handed the transformer, their length, and whether the class was being retransformed, in a
 * directory per class name. Given those, ByteBuddy's output is always the same, so an entry never
 * goes stale; it is only ever replaced by the same bytes.
 *
 * <p>An entry is {@code magic, length, CRC-32 of the bytes, bytes}; one that is cut off or whose
 * checksum does not match is deleted and counts as a miss. Entries are written to a temporary file
 * and renamed into place, so JVMs that share the directory never read half an entry. Bounded: at
 * most {@link #MAX_ENTRIES_PER_CLASS} files per class name (the oldest by modification time are
 * deleted after each store), so at most ~18 × 16 entries of at most a few hundred KiB.
 *
 * <p>The hashes are the JDK's native CRC-32 and Adler-32 (~1 ms for all targets) rather than a
 * cryptographic digest, which cost ~200 ms in a JVM that has just started (security providers
 * loaded, SHA-256 interpreted): 64 bits against a handful of entries per name make an accidental
 * collision negligible. The cache is as trusted as the user's own files (its directories are made
 * owner-only); a directory others can write to must not be named with {@code cache=}.
 *
 * <p>Thread-safe: any thread may load and store; concurrent JVMs may share the directory.
 */
final class WeaveCache {

    /** Files kept per class name: two JDKs, load-time and retransformed input, a few agent builds. */
    static final int MAX_ENTRIES_PER_CLASS = 16;

    private static final int MAGIC = 0x50415731; // "PAW1"
    private static final int HEADER_BYTES = 12;
    private static final String SUFFIX = ".class";
    private static final FileAttribute<?>[] OWNER_ONLY = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix") ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];

    private final Path dir;
    private final String fingerprint;
    private final boolean named;
    /** Cleared at the first failed store: a read-only cache still serves its entries. */
    private volatile boolean writable = true;

    private WeaveCache(Path dir, String fingerprint, boolean named) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.named = named;
    }

    /**
     * The cache in {@code dir}, created if missing, or null where it cannot be created (then the
     * agent weaves without it; one line says so if the user named the directory).
     *
     * @param named whether the user named {@code dir} with {@code cache=DIR} rather than the default
     */
    static WeaveCache open(Path dir, String fingerprint, boolean named) {
        try {
            Files.createDirectories(dir, OWNER_ONLY);
            String unsafe = unsafe(dir);
            if (unsafe != null) {
                Log.line("not using the weave cache " + dir + ": " + unsafe + "; weaving without it");
                return null;
            }
            return new WeaveCache(dir, fingerprint, named);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            if (named) {
                Log.line("cannot use cache=" + dir + " (" + e + "); weaving without the cache");
            }
            return null;
        }
    }

    /**
     * Why a directory is no safe place for class bytes the JVM will run, or null: woven JDK classes
     * are code, so another user must not be able to put files there.
     */
    static String unsafe(Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return null;
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        String user = System.getProperty("user.name");
        if (user != null && !attributes.owner().getName().equals(user)) {
            return "it belongs to " + attributes.owner().getName() + ", not " + user;
        }
        if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            return "others can write to it (" + PosixFilePermissions.toString(attributes.permissions())
                    + "); chmod go-w it";
        }
        return null;
    }

    /** The default directory: {@code $XDG_CACHE_HOME/paragent/weave}, else {@code ~/.cache/paragent/weave}. */
    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("paragent").resolve("weave");
    }

    /**
     * Where the woven form of these input bytes lives.
     *
     * @param className    the class's internal name, as the transformer gets it
     * @param retransformed whether the class is being retransformed (ByteBuddy then describes it by
     *                     reflection instead of from the bytes)
     */
    Path entry(String className, boolean retransformed, byte[] input) {
        CRC32 crc = new CRC32();
        crc.update(input);
        Adler32 adler = new Adler32();
        adler.update(input);
        // Not String.format: its Formatter costs a just-started JVM milliseconds of class loading.
        String name = fingerprint + '-' + hex(crc.getValue() << 32 | adler.getValue()) + '-' + input.length
                + (retransformed ? "r" : "l") + SUFFIX;
        return dir.resolve(className.replace('/', '.')).resolve(name);
    }

    /** The bytes stored at {@code entry}, or null when there are none or they were damaged (then deleted). */
    byte[] load(Path entry) {
        byte[] file;
        try {
            file = Files.readAllBytes(entry);
        } catch (IOException | SecurityException e) {
            return null; // missing (NoSuchFileException) or unreadable: a miss either way
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        if (file.length >= HEADER_BYTES && buffer.getInt() == MAGIC && buffer.getInt() == file.length - HEADER_BYTES) {
            int expectedCrc = buffer.getInt();
            CRC32 crc = new CRC32();
            crc.update(file, HEADER_BYTES, file.length - HEADER_BYTES);
            if ((int) crc.getValue() == expectedCrc) {
                byte[] woven = new byte[file.length - HEADER_BYTES];
                System.arraycopy(file, HEADER_BYTES, woven, 0, woven.length);
                return woven;
            }
        }
        deleteQuietly(entry);
        return null;
    }

    /**
     * Stores the woven bytes at {@code entry}, then trims its class's directory to
     * {@link #MAX_ENTRIES_PER_CLASS}. Never throws; after a failure the cache only reads.
     */
    void store(Path entry, byte[] woven) {
        if (!writable) {
            return;
        }
        Path classDir = entry.getParent();
        Path temp = null;
        try {
            Files.createDirectories(classDir, OWNER_ONLY);
            temp = Files.createTempFile(classDir, "entry", ".tmp");
            CRC32 crc = new CRC32();
            crc.update(woven);
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(woven.length)
                    .putInt((int) crc.getValue());
            byte[] file = new byte[HEADER_BYTES + woven.length];
            System.arraycopy(header.array(), 0, file, 0, HEADER_BYTES);
            System.arraycopy(woven, 0, file, HEADER_BYTES, woven.length);
            Files.write(temp, file);
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            trim(classDir);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            writable = false;
            if (named) {
                Log.line("cannot write to cache=" + dir + " (" + e + "); weaving without storing");
            }
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Deletes the oldest files of a class's directory beyond {@link #MAX_ENTRIES_PER_CLASS}. */
    private static void trim(Path classDir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDir)) {
            entries.forEach(files::add);
        }
        if (files.size() <= MAX_ENTRIES_PER_CLASS) {
            return;
        }
        files.sort(Comparator.comparing(WeaveCache::modified));
        for (Path old : files.subList(0, files.size() - MAX_ENTRIES_PER_CLASS)) {
            deleteQuietly(old);
        }
    }

    /** Sixteen lower-case hex digits. */
    static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0000000000000000".substring(digits.length()) + digits;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone already: first in line, deleting it is a no-op
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            // Another JVM's, or a read-only cache: it stays, and is checked again on its next read.
        }
    }
}
