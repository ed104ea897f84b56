package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;

/**
 * Times serialization: {@code ObjectOutputStream.writeObject(Object)} and
 * {@code writeUnshared(Object)}. Calls made from inside another one of the same thread (a class's
 * own {@code writeObject} method writing its fields) are nested and counted only in the
 * top-level call.
 */
public final class ObjectOutputStreamInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.io.ObjectOutputStream";

    private ObjectOutputStreamInstrumentation() {
    }

    /** Weaves {@link WriteAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(Advice.to(WriteAdvice.class)
                .on(namedOneOf("writeObject", "writeUnshared").and(takesArguments(Object.class))));
    }

    /** Inlined into {@code writeObject(Object)} and {@code writeUnshared(Object)}. */
    static final class WriteAdvice {

        private WriteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static int enter() {
            return ChannelHooks.serializationBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter int token, @Advice.Argument(0) Object written,
                @Advice.Thrown Throwable thrown) {
            ChannelHooks.serializationEnd(token, true, written, thrown);
        }
    }
}
