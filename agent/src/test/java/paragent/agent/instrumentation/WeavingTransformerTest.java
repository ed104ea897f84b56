package paragent.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weave cache hands the JVM exactly ByteBuddy's own output, never builds ByteBuddy when it
 * holds every entry, and falls back to weaving when an entry is damaged or the directory unusable.
 */
class WeavingTransformerTest {

    /** Targets of three areas, retransformed ({@code Thread}, the AQS) and woven at load. */
    private static final List<Class<?>> SAMPLE = List.of(Thread.class,
            java.util.concurrent.locks.AbstractQueuedSynchronizer.class, java.util.concurrent.ThreadPoolExecutor.class,
            java.io.FileInputStream.class);

    private static ClassFileTransformer byteBuddy;

    @TempDir
    Path dir;

    private final AtomicInteger builds = new AtomicInteger();

    @BeforeAll
    static void buildByteBuddyOnce() {
        // As PreMain does: without it ByteBuddy uses sun.misc.Unsafe, which JDK 25 warns about.
        System.setProperty("net.bytebuddy.safe", "true");
        byteBuddy = ByteBuddyWeaver.transformer();
    }

    @Test
    void cachedBytesAreByteBuddysOwnOutputAndAWarmCacheNeverBuildsByteBuddy() throws Exception {
        WeavingTransformer cold = transformer(cache(false));
        for (Class<?> target : SAMPLE) {
            assertThat(retransform(cold, target)).as(target.getName()).isEqualTo(direct(target, true));
            assertThat(loadTime(cold, target)).as(target.getName()).isEqualTo(direct(target, false));
        }
        assertThat(builds).hasValue(1);

        WeavingTransformer warm = transformer(cache(false));
        for (Class<?> target : SAMPLE) {
            assertThat(retransform(warm, target)).as(target.getName()).isEqualTo(direct(target, true));
            assertThat(loadTime(warm, target)).as(target.getName()).isEqualTo(direct(target, false));
            assertThat(warm.wasWoven(target)).isTrue();
        }
        assertThat(warm.byteBuddyBuilt()).isFalse();
        assertThat(builds).hasValue(1);
    }

    @Test
    void classesThatAreNotTargetsAreLeftAloneWithoutByteBuddy() throws Exception {
        WeavingTransformer transformer = transformer(cache(false));
        assertThat(transformer.transform(Object.class.getModule(), null, "java/lang/String", String.class, null,
                classFile(String.class))).isNull();
        assertThat(transformer.transform(Object.class.getModule(), null, null, null, null, new byte[0])).isNull();
        assertThat(transformer.byteBuddyBuilt()).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTruncatedOrAlteredEntryIsWovenAgainAndReplaced() throws Exception {
        WeaveCache cache = cache(false);
        retransform(transformer(cache), Thread.class);
        Path entry = cache.entry("java/lang/Thread", true, classFile(Thread.class));
        byte[] good = Files.readAllBytes(entry);

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        WeavingTransformer afterTruncation = transformer(cache(false));
        assertThat(retransform(afterTruncation, Thread.class)).isEqualTo(direct(Thread.class, true));
        assertThat(afterTruncation.byteBuddyBuilt()).isTrue();
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);

        byte[] altered = good.clone();
        altered[altered.length - 1] ^= 1;
        Files.write(entry, altered);
        assertThat(cache.load(entry)).isNull();
        assertThat(entry).doesNotExist();
        assertThat(retransform(transformer(cache(false)), Thread.class)).isEqualTo(direct(Thread.class, true));
        assertThat(Files.readAllBytes(entry)).isEqualTo(good);
    }

    @Test
    void aDirectoryOthersCanWriteToIsNotUsed() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        String said = stderrOf(() -> assertThat(WeaveCache.open(shared, "0", false)).isNull());

        assertThat(said.lines()).hasSize(1).allMatch(line -> line.startsWith("paragent: not using the weave cache " + shared)
                && line.contains("others can write to it"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
        assertThat(WeaveCache.open(shared, "0", false)).isNotNull();
    }

    @Test
    void anUnusableDirectoryWeavesWithoutTheCacheAndSaysSoOnceOnlyWhenNamed() throws Exception {
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a directory").resolve("weave");
        assertThat(stderrOf(() -> assertThat(WeaveCache.open(blocked, "0", false)).isNull())).isEmpty();
        String named = stderrOf(() -> assertThat(WeaveCache.open(blocked, "0", true)).isNull());
        assertThat(named.lines()).hasSize(1).allMatch(line -> line.startsWith("paragent: cannot use cache=" + blocked));
        assertThat(retransform(transformer(null), Thread.class)).isEqualTo(direct(Thread.class, true));

        // A class directory that cannot be made: the first store says so, later ones are skipped.
        WeaveCache readOnly = cache(true);
        Files.writeString(dir.resolve("java.lang.Thread"), "in the way");
        Files.writeString(dir.resolve("java.util.concurrent.locks.AbstractQueuedSynchronizer"), "in the way");
        WeavingTransformer transformer = transformer(readOnly);
        String stores = stderrOf(() -> {
            assertThat(retransform(transformer, Thread.class)).isEqualTo(direct(Thread.class, true));
            assertThat(retransform(transformer, java.util.concurrent.locks.AbstractQueuedSynchronizer.class))
                    .isEqualTo(direct(java.util.concurrent.locks.AbstractQueuedSynchronizer.class, true));
        });
        assertThat(stores.lines()).hasSize(1).allMatch(line -> line.startsWith("paragent: cannot write to cache="));
    }

    @Test
    void aClassKeepsAtMostSixteenEntriesTheNewestOnes() throws Exception {
        WeaveCache cache = cache(false);
        for (int i = 0; i < WeaveCache.MAX_ENTRIES_PER_CLASS + 4; i++) {
            Path entry = cache.entry("java/lang/Thread", true, new byte[] {(byte) i});
            cache.store(entry, new byte[] {(byte) i, 42});
            Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path newest = cache.entry("java/lang/Thread", true, new byte[] {(byte) (WeaveCache.MAX_ENTRIES_PER_CLASS + 3)});
        try (Stream<Path> files = Files.list(newest.getParent())) {
            assertThat(files).hasSize(WeaveCache.MAX_ENTRIES_PER_CLASS);
        }
        assertThat(cache.load(newest)).containsExactly(WeaveCache.MAX_ENTRIES_PER_CLASS + 3, 42);
        assertThat(cache.load(cache.entry("java/lang/Thread", true, new byte[] {0}))).isNull();
    }

    @Test
    void theFingerprintIsStableAndNamesTheWeavingOnly() throws Exception {
        String fingerprint = WeaveFingerprint.of(Instrumentations.class);
        assertThat(fingerprint).matches("[0-9a-f]{16}").isEqualTo(WeaveFingerprint.of(Instrumentations.class));
        assertThat(cache(false).entry("java/lang/Thread", true, new byte[] {1}).getFileName().toString())
                .startsWith("f00d-");
    }

    private WeaveCache cache(boolean named) {
        return WeaveCache.open(dir, "f00d", named);
    }

    private WeavingTransformer transformer(WeaveCache cache) {
        return new WeavingTransformer(Instrumentations.TARGETS, cache, () -> {
            builds.incrementAndGet();
            return byteBuddy;
        });
    }

    private static byte[] retransform(ClassFileTransformer transformer, Class<?> target) throws Exception {
        return transformer.transform(target.getModule(), null, internalName(target), target, null, classFile(target));
    }

    private static byte[] loadTime(ClassFileTransformer transformer, Class<?> target) throws Exception {
        return transformer.transform(target.getModule(), null, internalName(target), null, null, classFile(target));
    }

    private static byte[] direct(Class<?> target, boolean retransformed) throws IllegalClassFormatException, IOException {
        byte[] woven = byteBuddy.transform(target.getModule(), null, internalName(target),
                retransformed ? target : null, null, classFile(target));
        assertThat(woven).as("ByteBuddy wove " + target.getName()).isNotNull();
        return woven;
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static String stderrOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
