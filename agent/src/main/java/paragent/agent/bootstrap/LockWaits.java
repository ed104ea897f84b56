package paragent.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * Called by the advice woven into the slow path of
 * {@code AbstractQueuedSynchronizer.acquire(Node, int, boolean, boolean, boolean, long)}, which a
 * thread reaches only after its fast-path acquisition failed. The uncontended path never gets
 * here, so it pays nothing.
 *
 * <p>{@link #begin} runs before the thread waits and notes who holds the lock; {@link #end} runs
 * when it has the lock (or gave up), hands the wait to the {@link LockWaitSink} and commits the
 * event when the wait is above the recording's threshold: a {@link LockWaitEvent}, with the stack
 * trace, when the thread's {@link LockWaitSampler} picked the wait, else a
 * {@link LockWaitNoStackEvent}. Both are called concurrently from application threads; neither
 * throws.
 */
public final class LockWaits {

    private static final MethodHandle EXCLUSIVE_OWNER = exclusiveOwnerHandle();

    private static volatile LockWaitSink sink;

    private static final ThreadLocal<LockWaitSampler> SAMPLERS = new ThreadLocal<>() {
        @Override
        protected LockWaitSampler initialValue() {
            return new LockWaitSampler();
        }
    };

    private LockWaits() {
    }

    /** Starts delivering waits to {@code newSink}; null stops it. */
    public static void install(LockWaitSink newSink) {
        sink = newSink;
    }

    /** Whether the holder of an exclusive lock can be read (needs the package opened to us). */
    public static boolean canReadHolder() {
        return EXCLUSIVE_OWNER != null;
    }

    /**
     * Called on entry to the slow path.
     *
     * @return a token for {@link #end}, or null when nothing is being recorded
     */
    public static Object begin(Object sync) {
        try {
            if (sink == null) {
                return null;
            }
            int lockId = System.identityHashCode(sync);
            LockWaitSampler sampler = SAMPLERS.get();
            AbstractLockWaitEvent event = sampler.wantsStack(lockId) ? new LockWaitEvent() : new LockWaitNoStackEvent();
            event.lockId = lockId;
            event.sampler = sampler;
            event.startNanos = System.nanoTime();
            event.holder = exclusiveOwner(sync);
            event.begin();
            return event;
        } catch (Throwable t) {
            HookFailures.report("lock wait recording", t);
            return null;
        }
    }

    /** Called on exit from the slow path, normally or by an exception. */
    public static void end(Object token, Object sync, boolean shared) {
        try {
            if (!(token instanceof AbstractLockWaitEvent)) {
                return;
            }
            AbstractLockWaitEvent event = (AbstractLockWaitEvent) token;
            long waitNanos = System.nanoTime() - event.startNanos;
            LockWaitSink current = sink;
            if (current != null) {
                current.record(sync, shared, waitNanos);
            }
            event.end();
            if (event.shouldCommit()) {
                Class<?> syncType = sync.getClass();
                event.lockClass = LockNames.lockClassOf(syncType);
                event.syncClass = syncType.getName();
                event.shared = shared;
                if (shared) {
                    event.holder = null;
                }
                event.commit();
                event.sampler.recorded(event.lockId, event instanceof LockWaitEvent);
            }
        } catch (Throwable t) {
            HookFailures.report("lock wait recording", t);
            // Never throw into the application's locking code.
        }
    }

    private static Thread exclusiveOwner(Object sync) throws Throwable {
        if (EXCLUSIVE_OWNER == null || !(sync instanceof AbstractOwnableSynchronizer)) {
            return null;
        }
        return (Thread) EXCLUSIVE_OWNER.invokeExact((AbstractOwnableSynchronizer) sync);
    }

    private static MethodHandle exclusiveOwnerHandle() {
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(AbstractOwnableSynchronizer.class, MethodHandles.lookup());
            return lookup.findVirtual(AbstractOwnableSynchronizer.class, "getExclusiveOwnerThread",
                    MethodType.methodType(Thread.class));
        } catch (Throwable t) {
            HookFailures.report("lock wait recording", t);
            return null;
        }
    }
}
