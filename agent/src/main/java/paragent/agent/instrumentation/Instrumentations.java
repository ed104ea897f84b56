package paragent.agent.instrumentation;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paragent.agent.instrumentation.executors.ForkJoinPoolInstrumentation;
import paragent.agent.instrumentation.executors.ForkJoinTaskInstrumentation;
import paragent.agent.instrumentation.executors.ScheduledThreadPoolExecutorInstrumentation;
import paragent.agent.instrumentation.executors.ThreadPoolExecutorInstrumentation;
import paragent.agent.instrumentation.executors.WorkerInstrumentation;
import paragent.agent.instrumentation.gpu.JoclInstrumentation;
import paragent.agent.instrumentation.ipc.FileChannelImplInstrumentation;
import paragent.agent.instrumentation.ipc.FileInputStreamInstrumentation;
import paragent.agent.instrumentation.ipc.FileLockImplInstrumentation;
import paragent.agent.instrumentation.ipc.FileOutputStreamInstrumentation;
import paragent.agent.instrumentation.ipc.NioSocketImplInstrumentation;
import paragent.agent.instrumentation.ipc.ObjectInputStreamInstrumentation;
import paragent.agent.instrumentation.ipc.ObjectOutputStreamInstrumentation;
import paragent.agent.instrumentation.ipc.ServerSocketChannelImplInstrumentation;
import paragent.agent.instrumentation.ipc.SocketChannelImplInstrumentation;
import paragent.agent.instrumentation.locks.AqsInstrumentation;
import paragent.agent.instrumentation.processes.ProcessStartInstrumentation;
import paragent.agent.instrumentation.threads.ThreadExitInstrumentation;
import paragent.agent.internal.Log;

/**
 * Installs and removes every instrumentation. Each names exactly the type it changes (the
 * {@code TARGET} constants, inlined here by the compiler: naming them loads no instrumentation
 * class); everything else, paragent's own classes included, is ignored. Already-loaded targets are
 * retransformed, the others woven when loaded. The woven bytes come from a {@link WeaveCache} of
 * ByteBuddy's earlier output where it has them, so that a start whose targets are all cached loads
 * no ByteBuddy class ({@link WeavingTransformer}). One library class is woven too, by name in any
 * class loader: the application's {@code org.jocl.CL}. Called on the thread of premain or
 * agentmain only.
 */
public final class Instrumentations {

    /** The binary names of all classes woven. */
    static final List<String> TARGETS = List.of(AqsInstrumentation.TARGET, ThreadExitInstrumentation.TARGET,
            ProcessStartInstrumentation.TARGET, ThreadPoolExecutorInstrumentation.TARGET,
            WorkerInstrumentation.TARGET, ScheduledThreadPoolExecutorInstrumentation.TARGET,
            ForkJoinPoolInstrumentation.TARGET, ForkJoinTaskInstrumentation.TARGET,
            FileInputStreamInstrumentation.TARGET, FileOutputStreamInstrumentation.TARGET,
            NioSocketImplInstrumentation.TARGET, SocketChannelImplInstrumentation.TARGET,
            ServerSocketChannelImplInstrumentation.TARGET, ObjectOutputStreamInstrumentation.TARGET,
            ObjectInputStreamInstrumentation.TARGET, FileChannelImplInstrumentation.TARGET,
            FileLockImplInstrumentation.TARGET, JoclInstrumentation.TARGET);

    private Instrumentations() {
    }

    /**
     * Builds the transformer of all instrumentations without registering it, so that its work can
     * overlap other start-up work; {@link #install} registers it. {@link #loadTargets} comes first. Without a usable cache,
     * ByteBuddy's transformer is built now; with one, only at the first miss.
     *
     * @param cacheDir the weave cache's directory, or null for none ({@code cache=off})
     * @param named    whether the user named {@code cacheDir} (a failure to use it is then one line)
     */
    public static WeavingTransformer prepare(Path cacheDir, boolean named) {
        WeaveCache cache = cacheDir == null ? null : openCache(cacheDir, named);
        // A lambda, not a method reference: linking ByteBuddyWeaver::transformer would load and
        // verify ByteBuddyWeaver, and with it ByteBuddy's classes, at once.
        WeavingTransformer transformer = new WeavingTransformer(TARGETS, cache, () -> ByteBuddyWeaver.transformer());
        if (cache == null) {
            transformer.prepareByteBuddy();
        }
        return transformer;
    }

    private static WeaveCache openCache(Path dir, boolean named) {
        try {
            return WeaveCache.open(dir, WeaveFingerprint.of(Instrumentations.class), named);
        } catch (IOException | RuntimeException e) {
            if (named) {
                Log.line("cannot use cache=" + dir + " (" + e + "); weaving without the cache");
            }
            return null;
        }
    }

    /** The default directory of the weave cache ({@code $XDG_CACHE_HOME/paragent/weave}, else ~/.cache/…). */
    public static Path defaultCacheDir() {
        return WeaveCache.defaultDir();
    }

    /**
     * Registers the transformer {@link #prepare} built, then retransforms the loaded targets (in
     * this order, so that no target loaded in between is missed); failures are logged, one line
     * each, and skipped.
     */
    public static void install(WeavingTransformer transformer, Instrumentation inst) {
        inst.addTransformer(transformer, true);
        retransform(inst, loaded(inst, transformer, false));
    }

    /**
     * Unregisters the transformer {@link #install} registered and retransforms the classes it wove
     * back to their original code (detach). Failures are logged, one line each.
     */
    public static void remove(WeavingTransformer transformer, Instrumentation inst) {
        if (!inst.removeTransformer(transformer)) {
            Log.line("the instrumentation was already removed");
            return;
        }
        retransform(inst, loaded(inst, transformer, true));
    }

    /** The loaded, modifiable targets; only those woven when {@code wovenOnly}. */
    private static List<Class<?>> loaded(Instrumentation inst, WeavingTransformer transformer, boolean wovenOnly) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (transformer.isTarget(type) && (!wovenOnly || transformer.wasWoven(type))
                    && inst.isModifiableClass(type)) {
                classes.add(type);
            }
        }
        return classes;
    }

    /** Retransforms all classes in one call; if that fails, one at a time, so that one failure spoils no other. */
    private static void retransform(Instrumentation inst, List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Throwable batchFailure) {
            for (Class<?> type : classes) {
                try {
                    inst.retransformClasses(type);
                } catch (Throwable t) {
                    Log.failure("could not instrument " + type.getName(), t);
                }
            }
        }
    }

    /**
     * Loads (without initializing) the JDK classes woven, so that they are retransformed as
     * loaded classes. Otherwise a target could first be loaded while ByteBuddy describes another
     * one by reflection ({@code ThreadPoolExecutor}'s fields name {@code ThreadPoolExecutor$Worker}),
     * inside the transformer, which skips classes loaded during its own work: that target would
     * stay unwoven for the whole run.
     */
    public static void loadTargets() {
        for (String target : List.of(ThreadPoolExecutorInstrumentation.TARGET, WorkerInstrumentation.TARGET,
                ScheduledThreadPoolExecutorInstrumentation.TARGET, ForkJoinPoolInstrumentation.TARGET,
                ForkJoinTaskInstrumentation.TARGET, NioSocketImplInstrumentation.TARGET,
                SocketChannelImplInstrumentation.TARGET, ServerSocketChannelImplInstrumentation.TARGET,
                FileChannelImplInstrumentation.TARGET, FileLockImplInstrumentation.TARGET,
                ObjectOutputStreamInstrumentation.TARGET, ObjectInputStreamInstrumentation.TARGET)) {
            try {
                Class.forName(target, false, null);
            } catch (ClassNotFoundException e) {
                Log.failure("could not load " + target, e);
            }
        }
    }
}
