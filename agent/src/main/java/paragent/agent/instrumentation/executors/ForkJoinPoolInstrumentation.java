package paragent.agent.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ExecutorHooks;

/**
 * Sees every {@code ForkJoinPool}'s creation (the common pool's too) and the submits made through
 * the pool rather than by {@code fork()}.
 *
 * <p>Every public submit method ({@code execute}, {@code submit}, {@code invoke},
 * {@code invokeAll}, and {@code CompletableFuture}'s async stages, which call {@code execute})
 * ends in one private funnel, which is what is woven, so nested public calls are not counted
 * twice: {@code externalSubmit(ForkJoinTask)} on JDK 17, {@code poolSubmit(boolean, ForkJoinTask)}
 * on JDK 19 and later, where {@code externalSubmit} became a public method of its own that does
 * not call {@code poolSubmit}. The matchers name both; each JDK has the ones it has.
 * Constructors: the public ten-argument one that the others delegate to, and the private
 * {@code ForkJoinPool(byte)} of the common pool.
 */
public final class ForkJoinPoolInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.ForkJoinPool";

    private ForkJoinPoolInstrumentation() {
    }

    /** Weaves creation, {@code externalSubmit} and {@code poolSubmit}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder
                .visit(Advice.to(CreatedAdvice.class).on(isConstructor()
                        .and(takesArguments(10).or(takesArguments(byte.class)))))
                .visit(Advice.to(SubmitAdvice.class).on(named("externalSubmit").and(takesArguments(1))))
                .visit(Advice.to(PoolSubmitAdvice.class).on(named("poolSubmit").and(takesArguments(2))));
    }

    /** Inlined into {@code ForkJoinPool.poolSubmit(boolean signalIfEmpty, ForkJoinTask task)}. */
    static final class PoolSubmitAdvice {

        private PoolSubmitAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object pool, @Advice.Argument(1) Object task) {
            return ExecutorHooks.submitBegin(pool, task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Argument(1) Object task, @Advice.Enter long beginNanos,
                @Advice.Thrown Throwable thrown) {
            ExecutorHooks.submitEnd(pool, task, beginNanos, thrown);
        }
    }
}
