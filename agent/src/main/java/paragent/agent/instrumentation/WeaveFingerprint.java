package paragent.agent.instrumentation;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The fingerprint of the weaving, the part of a {@link WeaveCache} key that is not the input class:
 * the name, size and CRC-32 of every file of the agent under {@value #PREFIX} — every
 * instrumentation and advice class as it is at run time, and {@code weaver.properties}, which
 * holds ByteBuddy's version — and the JVM's vendor and version (ByteBuddy describes retransformed
 * classes by reflection). No option of the agent changes the woven bytes: the options act in the
 * bootstrap classes the advice calls. From a jar, the CRCs are read from its central directory,
 * nothing is inflated. Stateless.
 */
final class WeaveFingerprint {

    /** The folder of the agent whose files make the weaving. */
    static final String PREFIX = "paragent/agent/instrumentation/";

    private WeaveFingerprint() {
    }

    /** Sixteen hex digits for the weaving of the agent that holds {@code anchor}. */
    static String of(Class<?> anchor) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("the agent's classes have no file location", e);
        }
        List<String> lines = Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
        lines.sort(null);
        lines.add(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(text);
        Adler32 adler = new Adler32();
        adler.update(text);
        return WeaveCache.hex(crc.getValue() << 32 | adler.getValue());
    }

    private static List<String> fromJar(Path jar) throws IOException {
        List<String> lines = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PREFIX) && !entry.isDirectory()) {
                    lines.add(line(entry.getName(), entry.getSize(), entry.getCrc()));
                }
            }
        }
        return lines;
    }

    /** The agent's classes in a folder (its own tests): each file is read and checksummed. */
    private static List<String> fromDirectory(Path classes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve(PREFIX))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                lines.add(line(classes.relativize(file).toString().replace('\\', '/'), bytes.length, crc.getValue()));
            }
        }
        return lines;
    }

    private static String line(String name, long size, long crc) {
        return name + " " + size + " " + crc;
    }
}
