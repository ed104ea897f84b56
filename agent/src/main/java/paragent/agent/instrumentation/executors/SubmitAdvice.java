package paragent.agent.instrumentation.executors;

import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Inlined into the submit methods whose receiver is the executor and whose first argument is the
 * task as it will be run: {@code ThreadPoolExecutor.execute(Runnable)},
 * {@code ScheduledThreadPoolExecutor.delayedExecute(RunnableScheduledFuture)} and
 * {@code ForkJoinPool.externalSubmit(ForkJoinTask)}.
 */
final class SubmitAdvice {

    private SubmitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object executor, @Advice.Argument(0) Object task) {
        return ExecutorHooks.submitBegin(executor, task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object executor, @Advice.Argument(0) Object task, @Advice.Enter long beginNanos,
            @Advice.Thrown Throwable thrown) {
        ExecutorHooks.submitEnd(executor, task, beginNanos, thrown);
    }
}
