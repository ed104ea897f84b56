package paragent.analyzer.load;

import java.util.Set;

/**
 * Maps the class a thread parked on ({@code jdk.ThreadPark.parkedClass}) to the lock the user
 * wrote, and tells lock waits from idle waits. Stateless; thread-safe.
 */
final class LockClasses {

    /** Outer classes whose nested AQS subclasses stand for the outer class. */
    private static final Set<String> SYNCHRONIZERS = Set.of(
            "java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock",
            "java.util.concurrent.locks.StampedLock",
            "java.util.concurrent.Semaphore");

    /** Parks on these are idle or coordination waits, not lock contention. */
    private static final Set<String> IDLE_WAIT_CLASSES = Set.of(
            "java.util.concurrent.CountDownLatch",
            "java.util.concurrent.CyclicBarrier",
            "java.util.concurrent.Phaser",
            "java.util.concurrent.FutureTask",
            "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.Exchanger",
            "java.util.concurrent.SynchronousQueue");

    private LockClasses() {
    }

    /**
     * @param parkedClass the class parked on (the park blocker), may be null
     * @return the lock class the user wrote, or null when the park is not a lock wait
     */
    static String lockClassOfPark(String parkedClass) {
        if (parkedClass == null || parkedClass.isEmpty()) {
            return null;
        }
        int dollar = parkedClass.indexOf('$');
        String outer = dollar > 0 ? parkedClass.substring(0, dollar) : parkedClass;
        if (isIdleWait(outer) || isIdleWait(parkedClass)) {
            return null;
        }
        if (dollar > 0) {
            String nested = parkedClass.substring(parkedClass.lastIndexOf('$') + 1);
            if (SYNCHRONIZERS.contains(outer) || nested.endsWith("Sync")) {
                return outer;
            }
            return parkedClass.startsWith("java.util.concurrent.locks.AbstractQueuedSynchronizer")
                    ? null : parkedClass;
        }
        if (SYNCHRONIZERS.contains(parkedClass)) {
            return parkedClass;
        }
        // Other java.util.concurrent classes parked on are queues, pools and futures: idle waits.
        return parkedClass.startsWith("java.util.concurrent.") ? null : parkedClass;
    }

    /**
     * @param lockClass a synchronizer's class as paragent records it ({@code lockClass} of
     *                  {@code paragent.LockWait}), may be null
     * @return true when waiting on it is coordination (a latch, a barrier, a queue, a future), not
     *         lock contention
     */
    static boolean isCoordination(String lockClass) {
        if (lockClass == null || lockClass.isEmpty()) {
            return false;
        }
        int dollar = lockClass.indexOf('$');
        return isIdleWait(lockClass) || (dollar > 0 && isIdleWait(lockClass.substring(0, dollar)));
    }

    private static boolean isIdleWait(String className) {
        return IDLE_WAIT_CLASSES.contains(className)
                || className.endsWith("Queue")
                || className.endsWith("Deque")
                || className.endsWith("Future")
                || className.endsWith("Executor")
                || className.endsWith("Pool");
    }
}
