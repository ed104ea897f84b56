package paragent.agent.internal;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;

/**
 * Enables native access for a named module the agent defined for a library with JNI natives
 * (async-profiler), so that JDK 24+ does not print its "restricted method" warning into the
 * application's stderr when the library calls {@code System.load}. The public way,
 * {@code ModuleLayer.Controller.enableNativeAccess}, is itself restricted and would warn about the
 * agent; unnamed modules share one switch with the application's code. So {@code java.lang} is
 * opened to a throwaway loader's unnamed module only (like {@link BootstrapInjector}, never to
 * the application's), whose copy of this class calls {@code Module.implAddEnableNativeAccess}.
 * Stateless, thread-safe.
 */
public final class NativeAccess {

    /** The first feature release that warns on {@code System.load} without native access (JEP 472). */
    private static final int FIRST_WARNING_RELEASE = 24;

    private NativeAccess() {
    }

    /** Enables native access for {@code module}, a named module; does nothing before JDK 24. */
    public static void grant(Module module, Instrumentation inst) throws Exception {
        if (Runtime.version().feature() < FIRST_WARNING_RELEASE) {
            return;
        }
        URL agentJar = NativeAccess.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {agentJar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = Class.forName(NativeAccess.class.getName(), true, isolated);
            inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(isolated.getUnnamedModule())), Set.of(), Map.of());
            copy.getMethod("enable", Module.class).invoke(null, module);
        }
    }

    /** Runs in the throwaway loader, to which {@code java.lang} is open. */
    public static void enable(Module module) throws ReflectiveOperationException {
        Method enable = Module.class.getDeclaredMethod("implAddEnableNativeAccess");
        enable.setAccessible(true);
        enable.invoke(module);
    }
}
