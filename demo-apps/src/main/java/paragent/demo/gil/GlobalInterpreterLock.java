package paragent.demo.gil;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A stand-in for CPython's global interpreter lock: one exclusive, non-reentrant, fair lock that
 * a thread must hold while it runs a work unit.
 *
 * <p>Fair like CPython's forced switching: a thread that releases the lock and at once asks for it
 * again queues behind the threads already waiting, so threads take turns. Waiting threads park
 * on the nested {@code Sync} (class {@code paragent.demo.gil.GlobalInterpreterLock$Sync}), which
 * is the blocker the diagnosis sees. Thread-safe.
 */
public final class GlobalInterpreterLock {

    /** State 0 = free, 1 = held by the exclusive owner. */
    private static final class Sync extends AbstractQueuedSynchronizer {

        @Override
        protected boolean tryAcquire(int ignored) {
            if (hasQueuedPredecessors() || !compareAndSetState(0, 1)) {
                return false;
            }
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (getExclusiveOwnerThread() != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the global interpreter lock is not held by this thread");
            }
            setExclusiveOwnerThread(null);
            setState(0);
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == Thread.currentThread();
        }
    }

    private final Sync sync = new Sync();

    /** Waits, uninterruptibly, until the calling thread holds the lock. Not reentrant. */
    public void acquire() {
        sync.acquire(1);
    }

    /**
     * Releases the lock and wakes the longest-waiting thread, if any.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold it
     */
    public void release() {
        sync.release(1);
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return sync.isHeldExclusively();
    }

    /** Number of threads waiting to acquire, an estimate for monitoring. */
    public int queueLength() {
        return sync.getQueueLength();
    }
}
