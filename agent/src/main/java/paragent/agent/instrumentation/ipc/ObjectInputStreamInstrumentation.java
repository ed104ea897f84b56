package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChannelHooks;

/**
 * Times deserialization: the public {@code ObjectInputStream.readObject()} and
 * {@code readUnshared()} (not the private {@code readObject(Class)} the first delegates to).
 * Nested calls (from a class's own {@code readObject} method) are counted only in the top-level
 * call.
 */
public final class ObjectInputStreamInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.io.ObjectInputStream";

    private ObjectInputStreamInstrumentation() {
    }

    /** Weaves {@link ReadAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(Advice.to(ReadAdvice.class)
                .on(namedOneOf("readObject", "readUnshared").and(takesArguments(0))));
    }

    /** Inlined into {@code readObject()} and {@code readUnshared()}. */
    static final class ReadAdvice {

        private ReadAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static int enter() {
            return ChannelHooks.serializationBegin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter int token, @Advice.Return Object read, @Advice.Thrown Throwable thrown) {
            ChannelHooks.serializationEnd(token, false, read, thrown);
        }
    }
}
