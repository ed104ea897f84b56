package paragent.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;
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
 * Installs every instrumentation with one ByteBuddy {@link AgentBuilder}. Each instrumentation
 * names exactly the types it changes; everything else, paragent's own classes included, is
 * ignored, so class loading pays one name match per class. Already-loaded JDK classes are
 * retransformed; advice is inlined and adds no fields or methods. One library class is woven
 * too, by name in any class loader: the application's {@code org.jocl.CL}.
 */
public final class Instrumentations {

    private Instrumentations() {
    }

    /**
     * Builds the transformer of all instrumentations without registering it, so that its
     * class loading can overlap other start-up work; {@link #install} registers it.
     */
    public static AgentBuilder prepare() {
        loadTargets();
        // Advice is inlined into methods the types declare and adds no members: validating the
        // rewritten types and computing their inherited method graphs is work without a use
        // (-200 ms of start-up). Describing them from class files instead of by reflection
        // (DescriptionStrategy POOL_FIRST) was measured slower.
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy()
                        .with(TypeValidation.DISABLED)
                        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new ErrorListener())
                .ignore(not(namedOneOf(AqsInstrumentation.TARGET, ThreadExitInstrumentation.TARGET,
                        ProcessStartInstrumentation.TARGET, ThreadPoolExecutorInstrumentation.TARGET,
                        WorkerInstrumentation.TARGET, ScheduledThreadPoolExecutorInstrumentation.TARGET,
                        ForkJoinPoolInstrumentation.TARGET, ForkJoinTaskInstrumentation.TARGET,
                        FileInputStreamInstrumentation.TARGET, FileOutputStreamInstrumentation.TARGET,
                        NioSocketImplInstrumentation.TARGET, SocketChannelImplInstrumentation.TARGET,
                        ServerSocketChannelImplInstrumentation.TARGET, ObjectOutputStreamInstrumentation.TARGET,
                        ObjectInputStreamInstrumentation.TARGET, FileChannelImplInstrumentation.TARGET,
                        FileLockImplInstrumentation.TARGET, JoclInstrumentation.TARGET)))
                .type(named(AqsInstrumentation.TARGET))
                .transform(AqsInstrumentation.transformer())
                .type(named(ThreadExitInstrumentation.TARGET))
                .transform(ThreadExitInstrumentation.transformer())
                .type(named(ProcessStartInstrumentation.TARGET))
                .transform(ProcessStartInstrumentation.transformer())
                .type(named(ThreadPoolExecutorInstrumentation.TARGET))
                .transform(ThreadPoolExecutorInstrumentation.transformer())
                .type(named(WorkerInstrumentation.TARGET))
                .transform(WorkerInstrumentation.transformer())
                .type(named(ScheduledThreadPoolExecutorInstrumentation.TARGET))
                .transform(ScheduledThreadPoolExecutorInstrumentation.transformer())
                .type(named(ForkJoinPoolInstrumentation.TARGET))
                .transform(ForkJoinPoolInstrumentation.transformer())
                .type(named(ForkJoinTaskInstrumentation.TARGET))
                .transform(ForkJoinTaskInstrumentation.transformer())
                .type(named(FileInputStreamInstrumentation.TARGET))
                .transform(FileInputStreamInstrumentation.transformer())
                .type(named(FileOutputStreamInstrumentation.TARGET))
                .transform(FileOutputStreamInstrumentation.transformer())
                .type(named(NioSocketImplInstrumentation.TARGET))
                .transform(NioSocketImplInstrumentation.transformer())
                .type(named(SocketChannelImplInstrumentation.TARGET))
                .transform(SocketChannelImplInstrumentation.transformer())
                .type(named(ServerSocketChannelImplInstrumentation.TARGET))
                .transform(ServerSocketChannelImplInstrumentation.transformer())
                .type(named(ObjectOutputStreamInstrumentation.TARGET))
                .transform(ObjectOutputStreamInstrumentation.transformer())
                .type(named(ObjectInputStreamInstrumentation.TARGET))
                .transform(ObjectInputStreamInstrumentation.transformer())
                .type(named(FileChannelImplInstrumentation.TARGET))
                .transform(FileChannelImplInstrumentation.transformer())
                .type(named(FileLockImplInstrumentation.TARGET))
                .transform(FileLockImplInstrumentation.transformer())
                // The application's own JOCL, in whatever loader loads it; never loaded by the agent.
                .type(named(JoclInstrumentation.TARGET))
                .transform(JoclInstrumentation.transformer());
        // Unregistered and discarded: loads ByteBuddy's transformer classes, one of which
        // ByteBuddy generates at its first use (~200 ms on 2 cores).
        builder.makeRaw();
        return builder;
    }

    /**
     * Registers the transformer {@link #prepare} built and retransforms the loaded targets;
     * failures are logged, one line each, and skipped.
     *
     * @return the registered transformer, for {@link #remove}
     */
    public static ResettableClassFileTransformer install(AgentBuilder prepared, Instrumentation inst) {
        return prepared.installOn(inst);
    }

    /**
     * Unregisters the transformer {@link #install} returned and retransforms the classes it wove
     * back to their original code (detach). Failures are logged, one line each.
     */
    public static void remove(ResettableClassFileTransformer transformer, Instrumentation inst) {
        if (!transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)) {
            Log.line("the instrumentation was already removed");
        }
    }

    /**
     * Loads (without initializing) the JDK classes woven, so that they are retransformed as
     * loaded classes. Otherwise a target could first be loaded while ByteBuddy describes another
     * one by reflection ({@code ThreadPoolExecutor}'s fields name {@code ThreadPoolExecutor$Worker}),
     * inside the transformer, which skips classes loaded during its own work: that target would
     * stay unwoven for the whole run.
     */
    private static void loadTargets() {
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

    /** Reports a failed transformation as one line; the class stays as it was. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            Log.failure("could not instrument " + typeName, throwable);
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                boolean loaded, DynamicType dynamicType) {
            // Expected; nothing to say.
        }
    }
}
