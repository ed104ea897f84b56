package paragent.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Completes {@link ThreadPoolExecutorInstrumentation}: {@code ThreadPoolExecutor.Worker.run()} is
 * a worker thread's whole life. On entry its {@code firstTask} (the task handed to the new
 * worker by {@code execute}) starts; on exit, normal or by a task's exception, the task still
 * running ends.
 */
public final class WorkerInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.ThreadPoolExecutor$Worker";

    private WorkerInstrumentation() {
    }

    /** Weaves {@link RunAdvice} into {@code Worker.run()}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(
                Advice.to(RunAdvice.class).on(named("run").and(takesArguments(0))));
    }

    /** Inlined into {@code ThreadPoolExecutor.Worker.run()}. */
    static final class RunAdvice {

        private RunAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("this$0") Object executor,
                @Advice.FieldValue("firstTask") Runnable firstTask) {
            ExecutorHooks.runStart(executor, firstTask);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            ExecutorHooks.runEnd();
        }
    }
}
