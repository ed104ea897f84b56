package paragent.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Sees {@code ForkJoinTask.fork()} (a submit to the current worker's pool, else the common pool:
 * how recursive tasks and parallel streams split) and every run of a fork/join task:
 * {@code doExec()} is where workers, joining threads that help, and {@code invoke()} run a task's
 * body ({@code final int doExec()} on JDK 17, {@code final void doExec()} on JDK 25; the advice
 * reads neither result). A call on a task already done runs nothing and is skipped. Runs nest
 * when a task joins another and runs it meanwhile; the outer run's time includes the inner one.
 */
public final class ForkJoinTaskInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.ForkJoinTask";

    private ForkJoinTaskInstrumentation() {
    }

    /** Weaves {@link ForkAdvice} and {@link ExecAdvice}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(ForkAdvice.class).on(named("fork").and(takesArguments(0))))
                .visit(Advice.to(ExecAdvice.class).on(named("doExec").and(takesArguments(0))));
    }

    /** Inlined into {@code ForkJoinTask.fork()}. */
    static final class ForkAdvice {

        private ForkAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object task) {
            return ExecutorHooks.submitBegin(null, task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object task, @Advice.Enter long beginNanos, @Advice.Thrown Throwable thrown) {
            ExecutorHooks.submitEnd(null, task, beginNanos, thrown);
        }
    }

    /** Inlined into {@code ForkJoinTask.doExec()}. */
    static final class ExecAdvice {

        private ExecAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(@Advice.This Object task, @Advice.FieldValue("status") int status) {
            if (status < 0) {
                return false;
            }
            ExecutorHooks.runStart(null, task);
            return true;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter boolean started) {
            if (started) {
                ExecutorHooks.runEnd();
            }
        }
    }
}
