package paragent.testapps;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A small program with some real lock contention that ends in the way its first argument says:
 * {@code normal}, {@code exit} (System.exit(3)), {@code throw} (uncaught exception) or
 * {@code sleep3} (idles 3 s, then ends) or {@code wait} (waits to be killed).
 */
public final class ExitingApp {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long counter;

    private ExitingApp() {
    }

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[2];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(ExitingApp::work, "worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("counter=" + counter);
        switch (args.length > 0 ? args[0] : "normal") {
            case "exit":
                System.exit(3);
                break;
            case "throw":
                throw new IllegalStateException("planned failure");
            case "sleep3":
                Thread.sleep(3_000);
                break;
            case "wait":
                System.out.println("waiting");
                System.out.flush();
                Thread.sleep(120_000);
                break;
            default:
                break;
        }
    }

    private static void work() {
        for (int i = 0; i < 200_000; i++) {
            LOCK.lock();
            try {
                counter++;
            } finally {
                LOCK.unlock();
            }
        }
    }
}
