package paragent.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Sees every {@code ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor} and application
 * subclass: its creation, its submits, and the start and end of each task in its workers.
 *
 * <p>Runs are seen in the worker loop ({@code runWorker}) rather than in
 * {@code beforeExecute}/{@code afterExecute}, which subclasses override without calling super:
 * {@code getTask()} returning a task is the start of its run, the next call of {@code getTask()}
 * (or the end of {@link WorkerInstrumentation the worker}) is its end. The first task of a new
 * worker never passes through {@code getTask()}; {@link WorkerInstrumentation} sees it. Neither
 * method can be overridden (private and package-private final), and both have kept their shape
 * from JDK 7 to JDK 25. The task objects themselves are never wrapped or replaced.
 */
public final class ThreadPoolExecutorInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.ThreadPoolExecutor";

    private ThreadPoolExecutorInstrumentation() {
    }

    /** Weaves creation, {@code execute(Runnable)} and {@code getTask()}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(CreatedAdvice.class).on(isConstructor().and(takesArguments(7))))
                .visit(Advice.to(SubmitAdvice.class).on(named("execute").and(takesArguments(Runnable.class))))
                .visit(Advice.to(GetTaskAdvice.class).on(named("getTask").and(takesArguments(0))));
    }

    /** Inlined into {@code ThreadPoolExecutor.getTask()}, which a worker calls between two tasks. */
    static final class GetTaskAdvice {

        private GetTaskAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            ExecutorHooks.runEnd();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object executor, @Advice.Return Runnable task) {
            ExecutorHooks.runStart(executor, task);
        }
    }
}
