package paragent.agent.flame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import paragent.agent.internal.NativeAccess;
import paragent.agent.internal.NestedJars;

/**
 * Loads async-profiler from the jar nested in paragent.jar: extracts the jar and the platform's
 * {@code libasyncProfiler.so} into a private directory, loads {@code one.profiler.AsyncProfiler}
 * in a class loader of its own whose parent is the platform loader (its JNI natives are bound to
 * that name, which can be neither relocated nor put on the application's class path), loads the
 * library through {@code AsyncProfiler.getInstance(path)} and deletes both files at once (a loaded
 * library and an opened jar no longer need their paths).
 *
 * <p>The jar is an automatic module in a module layer of its own, not a plain URLClassLoader's
 * unnamed module: JDK 24+ warns on the application's stderr when code without native access calls
 * {@code System.load}, and native access of unnamed modules can only be granted to all of them,
 * the application's included ({@link NativeAccess} grants it to this one named module).
 * Thread-safe: each call loads afresh.
 */
final class AsyncProfilerLoader {

    /** async-profiler's version; agent/pom.xml copies that jar. */
    static final String VERSION = "4.6";
    private static final String RESOURCE_DIR = "/META-INF/paragent/flame/";
    private static final String JAR = "async-profiler-" + VERSION + ".jar";
    private static final String LIBRARY = "libasyncProfiler.so";

    private final Object profiler;
    private final Method execute;

    private AsyncProfilerLoader(Object profiler, Method execute) {
        this.profiler = profiler;
        this.execute = execute;
    }

    /**
     * Loads async-profiler, working in {@code dir} (private, created by the caller).
     *
     * @throws UnsupportedOperationException on a platform async-profiler has no library for
     */
    static AsyncProfilerLoader load(Path dir, Instrumentation inst) throws Exception {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Path jar = NestedJars.extract(RESOURCE_DIR, JAR, dir);
        Path library = dir.resolve(LIBRARY);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(platform + "/" + LIBRARY);
            if (entry == null) {
                throw new IOException(JAR + " lacks " + platform + "/" + LIBRARY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, library);
            }
        }
        try {
            Module module = defineModule(jar);
            NativeAccess.grant(module, inst);
            Class<?> type = Class.forName(module, "one.profiler.AsyncProfiler");
            if (type == null) {
                throw new ClassNotFoundException("one.profiler.AsyncProfiler in " + JAR);
            }
            Object profiler = type.getMethod("getInstance", String.class).invoke(null, library.toString());
            return new AsyncProfilerLoader(profiler, type.getMethod("execute", String.class));
        } finally {
            Files.deleteIfExists(library);
            Files.deleteIfExists(jar);
        }
    }

    /** async-profiler's jar as an automatic module, in a layer over the boot layer. */
    private static Module defineModule(Path jar) {
        ModuleLayer boot = ModuleLayer.boot();
        ModuleFinder finder = ModuleFinder.of(jar);
        String name = finder.findAll().iterator().next().descriptor().name();
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(boot),
                ClassLoader.getPlatformClassLoader());
        return controller.layer().findModule(name).orElseThrow();
    }

    /**
     * The folder of async-profiler's jar that holds the library for this OS and architecture.
     *
     * @throws UnsupportedOperationException for another platform, naming it
     */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos";
        }
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x64";
        }
        if (os.contains("linux") && (arch.equals("aarch64") || arch.equals("arm64"))) {
            return "linux-arm64";
        }
        throw new UnsupportedOperationException("unsupported platform " + os.replace(' ', '_') + "-" + arch);
    }

    /** Runs an async-profiler command such as {@code start,...} or {@code stop}; returns its output. */
    String execute(String command) throws Exception {
        try {
            return (String) execute.invoke(profiler, command);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }
}
