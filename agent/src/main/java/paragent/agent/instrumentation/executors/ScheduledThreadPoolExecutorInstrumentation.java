package paragent.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Counts the submits of a {@code ScheduledThreadPoolExecutor}: {@code execute}, {@code submit}
 * and every {@code schedule*} method end in {@code delayedExecute(RunnableScheduledFuture)}, which
 * never calls {@code ThreadPoolExecutor.execute}. Periodic re-runs re-queue themselves without it,
 * so a periodic task is one submit and one task per run. Runs are seen by
 * {@link ThreadPoolExecutorInstrumentation}.
 */
public final class ScheduledThreadPoolExecutorInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.ScheduledThreadPoolExecutor";

    private ScheduledThreadPoolExecutorInstrumentation() {
    }

    /** Weaves {@link SubmitAdvice} into {@code delayedExecute}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(
                Advice.to(SubmitAdvice.class).on(named("delayedExecute").and(takesArguments(1))));
    }
}
