package paragent.testapps;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ThreadPoolExecutor subclass that overrides beforeExecute and afterExecute without calling
 * super, and checks what an agent must not change: {@code remove(task)} finds a queued task, and
 * afterExecute receives the very Runnable that was executed.
 */
public final class OverridingExecutorApp {

    public static final int TASKS = 100;

    private OverridingExecutorApp() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Runnable[] tasks = new Runnable[TASKS];
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = ran::incrementAndGet;
        }
        CountingExecutor pool = new CountingExecutor(tasks);

        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> await(release));
        Runnable removed = () -> ran.addAndGet(1_000_000);
        pool.execute(removed);
        boolean removedOk = pool.remove(removed);
        for (Runnable task : tasks) {
            pool.execute(task);
        }
        release.countDown();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        System.out.println("removed=" + removedOk);
        System.out.println("ran=" + ran.get());
        System.out.println("before=" + pool.before.get() + " after=" + pool.after.get());
        System.out.println("identity=" + (pool.sameIdentity.get() == TASKS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts its hooks and checks afterExecute's argument against the tasks it was given. */
    private static final class CountingExecutor extends ThreadPoolExecutor {
        final AtomicInteger before = new AtomicInteger();
        final AtomicInteger after = new AtomicInteger();
        final AtomicInteger sameIdentity = new AtomicInteger();
        private final Runnable[] tasks;

        CountingExecutor(Runnable[] tasks) {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    r -> new Thread(r, "overriding-worker-1"));
            this.tasks = tasks;
        }

        @Override
        protected void beforeExecute(Thread t, Runnable r) {
            before.incrementAndGet();
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            after.incrementAndGet();
            for (Runnable task : tasks) {
                if (task == r) {
                    sameIdentity.incrementAndGet();
                    return;
                }
            }
        }
    }
}
