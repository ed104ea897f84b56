package paragent.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import paragent.agent.instrumentation.locks.AqsInstrumentation;
import paragent.agent.instrumentation.processes.ProcessStartInstrumentation;
import paragent.agent.instrumentation.threads.ThreadExitInstrumentation;
import paragent.agent.internal.Log;

/**
 * Installs every instrumentation with one ByteBuddy {@link AgentBuilder}. Each instrumentation
 * names exactly the types it changes; everything else, paragent's own classes included, is
 * ignored, so class loading pays one name match per class. Already-loaded JDK classes are
 * retransformed; advice is inlined and adds no fields or methods.
 */
public final class Instrumentations {

    private Instrumentations() {
    }

    /** Installs all instrumentations; failures are logged, one line each, and skipped. */
    public static void install(Instrumentation inst) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new ErrorListener())
                .ignore(not(named(AqsInstrumentation.TARGET).or(named(ThreadExitInstrumentation.TARGET))
                        .or(named(ProcessStartInstrumentation.TARGET))))
                .type(named(AqsInstrumentation.TARGET))
                .transform(AqsInstrumentation.transformer())
                .type(named(ThreadExitInstrumentation.TARGET))
                .transform(ThreadExitInstrumentation.transformer())
                .type(named(ProcessStartInstrumentation.TARGET))
                .transform(ProcessStartInstrumentation.transformer())
                .installOn(inst);
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
