package paragent.agent.instrumentation.locks;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.LockWaits;

/**
 * Records contended acquisitions of every {@code AbstractQueuedSynchronizer}: ReentrantLock,
 * ReentrantReadWriteLock, Semaphore, and any lock an application builds on AQS.
 *
 * <p>Only the slow path is woven: {@code acquire(Node, int, boolean shared, boolean
 * interruptible, boolean timed, long)}, which {@code acquire(int)}, {@code acquireShared(int)}
 * and their timed and interruptible forms call only after the fast-path {@code tryAcquire}
 * failed. An uncontended lock/unlock pair never reaches it and costs exactly what it did.
 * Calls with a non-null node are re-acquisitions after {@code Condition.await}, which are not
 * contention on entry and are skipped.
 */
public final class AqsInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.util.concurrent.locks.AbstractQueuedSynchronizer";

    private AqsInstrumentation() {
    }

    /** Weaves {@link AcquireAdvice} into the slow-path {@code acquire}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(
                Advice.to(AcquireAdvice.class).on(named("acquire").and(takesArguments(6))));
    }

    /** Inlined into {@code AbstractQueuedSynchronizer.acquire(Node, int, boolean, boolean, boolean, long)}. */
    static final class AcquireAdvice {

        private AcquireAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object sync, @Advice.Argument(0) Object node) {
            return node == null ? LockWaits.begin(sync) : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object sync, @Advice.Argument(2) boolean shared,
                @Advice.Enter Object token) {
            LockWaits.end(token, sync, shared);
        }
    }
}
