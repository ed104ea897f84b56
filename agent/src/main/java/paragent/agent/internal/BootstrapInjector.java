package paragent.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines the classes of {@code paragent.agent.bootstrap} in the bootstrap class loader, so that
 * advice inlined into {@code java.base} can call them, and gives {@code java.base} the module
 * edges it needs to link against them.
 *
 * <p>Why not {@code Instrumentation.appendToBootstrapClassLoaderSearch}: it makes the JVM print
 * a CDS warning on every run. Why not ByteBuddy's {@code ClassInjector.UsingUnsafe}: it prints
 * {@code sun.misc.Unsafe} warnings on JDK 25. Instead this exports {@code jdk.internal.misc} to
 * the agent's module and calls {@code jdk.internal.misc.Unsafe.defineClass} with a null loader,
 * which is silent on JDK 17 and 25. Runs once, from premain, before anything loads these classes.
 */
public final class BootstrapInjector {

    /** In dependency order: a class is defined after the types its signatures name. */
    static final List<String> BOOTSTRAP_CLASSES = List.of(
            "paragent.agent.bootstrap.HookFailures",
            "paragent.agent.bootstrap.LockWaitSink",
            "paragent.agent.bootstrap.LockNames",
            "paragent.agent.bootstrap.LockNames$1",
            "paragent.agent.bootstrap.AbstractLockWaitEvent",
            "paragent.agent.bootstrap.LockWaitEvent",
            "paragent.agent.bootstrap.LockWaitNoStackEvent",
            "paragent.agent.bootstrap.LockWaitSampler",
            "paragent.agent.bootstrap.LockSummaryEvent",
            "paragent.agent.bootstrap.ThreadTimesEvent",
            "paragent.agent.bootstrap.RunInfoEvent",
            "paragent.agent.bootstrap.ExecutorSink",
            "paragent.agent.bootstrap.ExecutorCreatedEvent",
            "paragent.agent.bootstrap.ExecutorWorkerEvent",
            "paragent.agent.bootstrap.ExecutorSummaryEvent",
            "paragent.agent.bootstrap.ExecutorHooks",
            "paragent.agent.bootstrap.LockWaits",
            "paragent.agent.bootstrap.LockWaits$1",
            "paragent.agent.bootstrap.ThreadExits",
            "paragent.agent.bootstrap.SchedStatEvent",
            "paragent.agent.bootstrap.ProcessSpawnSink",
            "paragent.agent.bootstrap.ProcessSpawnEvent",
            "paragent.agent.bootstrap.ProcessExitEvent",
            "paragent.agent.bootstrap.ChildJvmAgents",
            "paragent.agent.bootstrap.ChannelOpenEvent",
            "paragent.agent.bootstrap.ChannelSummaryEvent",
            "paragent.agent.bootstrap.ChannelOpEvent",
            "paragent.agent.bootstrap.SerializationSummaryEvent",
            "paragent.agent.bootstrap.FileLockWaitEvent",
            "paragent.agent.bootstrap.FileLockSummaryEvent",
            "paragent.agent.bootstrap.MappedFileEvent",
            "paragent.agent.bootstrap.IoInternals",
            "paragent.agent.bootstrap.ChannelSink",
            "paragent.agent.bootstrap.ChannelHooks",
            "paragent.agent.bootstrap.FileLockSink",
            "paragent.agent.bootstrap.FileLockHooks",
            "paragent.agent.bootstrap.ProcessSpawns",
            "paragent.agent.bootstrap.GpuCommandEvent",
            "paragent.agent.bootstrap.GpuSummaryEvent",
            "paragent.agent.bootstrap.GpuWaitEvent",
            "paragent.agent.bootstrap.GpuSink",
            "paragent.agent.bootstrap.GpuHooks",
            "paragent.agent.bootstrap.FlameStackEvent",
            "paragent.agent.bootstrap.FlameInfoEvent");

    private BootstrapInjector() {
    }

    /**
     * Defines the bootstrap classes (skipping any already defined, e.g. when the agent is loaded
     * twice) and opens what they need.
     *
     * @return the bootstrap loader's unnamed module, which now holds them
     */
    public static Module inject(Instrumentation inst) throws ReflectiveOperationException, IOException {
        // Expected to run in a class loader of its own (see PreMain): agentModule is then that
        // loader's unnamed module, and the application's module gains nothing.
        Module javaBase = Object.class.getModule();
        Module agentModule = BootstrapInjector.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", Set.of(agentModule)),
                Map.of(), Set.of(), Map.of());

        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class,
                int.class, ClassLoader.class, java.security.ProtectionDomain.class);

        Class<?> last = null;
        for (String name : BOOTSTRAP_CLASSES) {
            last = findInBootstrap(name);
            if (last == null) {
                byte[] bytes = classBytes(name);
                last = (Class<?>) defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
            }
        }
        Module bootUnnamed = last.getModule();
        // java.base must read the module of the classes its woven advice calls, LockWaits reads
        // the owner of an AbstractOwnableSynchronizer and ProcessSpawns the JDK's exit-status
        // futures of child processes, IoInternals the descriptors under process pipe streams and the
        // addresses of sockets through private lookups.
        inst.redefineModule(javaBase, Set.of(bootUnnamed), Map.of(),
                Map.of("java.util.concurrent.locks", Set.of(bootUnnamed), "java.lang", Set.of(bootUnnamed),
                        "java.io", Set.of(bootUnnamed), "java.net", Set.of(bootUnnamed)),
                Set.of(), Map.of());
        return bootUnnamed;
    }

    private static Class<?> findInBootstrap(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static byte[] classBytes(String name) throws IOException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource + " in paragent.jar");
            }
            return in.readAllBytes();
        }
    }
}
