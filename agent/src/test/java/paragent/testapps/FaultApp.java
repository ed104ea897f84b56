package paragent.testapps;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A program that fails, or stresses the JVM, in the way its first argument says; each mode prints
 * the same lines with or without the agent. {@code oom}: dies of an uncaught OutOfMemoryError (run
 * it with a small heap). {@code stackoverflow}: catches a StackOverflowError and rethrows it
 * uncaught. {@code halt}: {@code Runtime.halt(5)}, which skips the shutdown hooks. {@code threads}:
 * starts and joins 10,000 threads that share a lock. {@code pinned}: virtual threads (JDK 21+) that
 * sleep while pinned to their carrier. {@code hdr}: records into the HdrHistogram of its own class
 * path and says where that came from. {@code work}: a little lock contention, then ends.
 */
public final class FaultApp {

    private static final ContendedCounter COUNTER = new ContendedCounter();

    private FaultApp() {
    }

    public static void main(String[] args) throws Throwable {
        switch (args[0]) {
            case "oom" -> outOfMemory();
            case "stackoverflow" -> stackOverflow();
            case "halt" -> {
                COUNTER.run(2, 100_000);
                System.out.println("halting");
                System.out.flush();
                Runtime.getRuntime().halt(5);
            }
            case "threads" -> COUNTER.run(10_000, 20);
            case "pinned" -> pinned();
            case "hdr" -> ownHistogram();
            default -> COUNTER.run(2, 200_000);
        }
        System.out.println("counter=" + COUNTER.value());
    }

    private static void outOfMemory() {
        System.out.println("allocating");
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }

    private static void stackOverflow() {
        try {
            recurse(0);
        } catch (StackOverflowError e) {
            System.out.println("caught StackOverflowError, rethrowing");
            throw e;
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /**
     * Pinned by a class initializer, which JDK 24+ still cannot unmount from (synchronized no longer
     * pins there, JEP 491); on JDK 21-23 the synchronized block pins as well.
     */
    private static void pinned() throws Exception {
        List<Thread> threads = new ArrayList<>();
        Object monitor = new Object();
        for (Runnable init : List.<Runnable>of(() -> SlowInit1.touch(), () -> SlowInit2.touch(),
                () -> SlowInit3.touch(), () -> SlowInit4.touch())) {
            threads.add((Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null,
                    (Runnable) () -> {
                        synchronized (monitor) {
                            init.run();
                        }
                    }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("virtual threads done");
    }

    private static void ownHistogram() throws InterruptedException {
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i);
        }
        COUNTER.run(2, 100_000);
        System.out.println("p50=" + histogram.getValueAtPercentile(50));
        System.out.println("hdrhistogram=" + Histogram.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /** Sleeps 60 ms in its initializer: the virtual thread that initializes it is pinned. */
    private static final class SlowInit1 {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    private static final class SlowInit2 {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    private static final class SlowInit3 {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    private static final class SlowInit4 {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
