package paragent.agent.instrumentation.ipc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.FileLockHooks;

/**
 * Ends file-lock hold times: {@code sun.nio.ch.FileLockImpl.invalidate()} is reached both by
 * {@code FileLock.release()} (and {@code close()}) and by closing the channel, which invalidates
 * its locks (JDK 17 and 25).
 */
public final class FileLockImplInstrumentation {

    /** The type woven. */
    public static final String TARGET = "sun.nio.ch.FileLockImpl";

    private FileLockImplInstrumentation() {
    }

    /** Weaves {@link InvalidateAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(InvalidateAdvice.class).on(named("invalidate").and(takesArguments(0))));
    }

    /** Inlined into {@code invalidate()}. */
    static final class InvalidateAdvice {

        private InvalidateAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object lock) {
            FileLockHooks.released(lock);
        }
    }
}
