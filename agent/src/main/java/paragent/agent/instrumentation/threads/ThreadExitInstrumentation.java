package paragent.agent.instrumentation.threads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ThreadExits;

/**
 * Lets the agent read a thread's final CPU, blocked and waited totals: {@code Thread.exit()} is
 * called by the JVM in the exiting thread while it is still alive and visible to
 * {@code ThreadMXBean}. Without it, a worker that ends between two periodic samples would lose
 * up to a second of its totals.
 */
public final class ThreadExitInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.lang.Thread";

    private ThreadExitInstrumentation() {
    }

    /** Weaves {@link ExitAdvice} into {@code Thread.exit()}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(
                Advice.to(ExitAdvice.class).on(named("exit").and(takesArguments(0))));
    }

    /** Inlined into {@code Thread.exit()}. */
    static final class ExitAdvice {

        private ExitAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread self) {
            ThreadExits.onExit(self);
        }
    }
}
