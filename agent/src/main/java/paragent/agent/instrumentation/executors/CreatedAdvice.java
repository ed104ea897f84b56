package paragent.agent.instrumentation.executors;

import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Inlined at the normal exit of the one constructor of {@code ThreadPoolExecutor} or
 * {@code ForkJoinPool} that every other constructor delegates to, so each executor is reported
 * once, subclasses included.
 */
final class CreatedAdvice {

    private CreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object executor) {
        ExecutorHooks.created(executor);
    }
}
