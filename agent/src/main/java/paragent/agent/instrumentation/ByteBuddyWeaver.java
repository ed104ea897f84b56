package paragent.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.ClassFileTransformer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
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
 * ByteBuddy's weaving of every instrumentation: one {@link AgentBuilder}, made into an unregistered
 * transformer that {@link WeavingTransformer} calls on a cache miss. The only class of this package
 * that touches ByteBuddy, so that a JVM whose targets are all cached never loads it. Each
 * instrumentation names exactly the type it changes; everything else is ignored. Advice is inlined
 * and adds no fields or methods, so loaded classes can be retransformed. Stateless; the transformer
 * it builds is thread-safe.
 */
final class ByteBuddyWeaver {

    private ByteBuddyWeaver() {
    }

    /**
     * ByteBuddy's transformer of all instrumentations, not registered: called directly with the
     * arguments the JVM gave {@link WeavingTransformer}. A failed transformation is one line on
     * stderr and returns null (the class stays as it was).
     */
    static ClassFileTransformer transformer() {
        // Advice is inlined into methods the types declare and adds no members: validating the
        // rewritten types and computing their inherited method graphs is work without a use
        // (-200 ms of start-up). Describing them from class files instead of by reflection
        // (DescriptionStrategy POOL_FIRST) was measured slower.
        return new AgentBuilder.Default(new ByteBuddy()
                        .with(TypeValidation.DISABLED)
                        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new ErrorListener())
                .ignore(not(namedOneOf(Instrumentations.TARGETS.toArray(new String[0]))))
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
                .transform(JoclInstrumentation.transformer())
                .makeRaw();
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
