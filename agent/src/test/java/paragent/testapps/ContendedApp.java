package paragent.testapps;

import java.util.concurrent.locks.ReentrantLock;

/** Four threads that take turns on one ReentrantLock with real work inside: clear contention. */
public final class ContendedApp {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long state = 1;

    private ContendedApp() {
    }

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(ContendedApp::work, "worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("state=" + state);
    }

    private static void work() {
        for (int i = 0; i < 2_000_000; i++) {
            LOCK.lock();
            try {
                for (int k = 0; k < 20; k++) {
                    state ^= state * 31 + k;
                }
            } finally {
                LOCK.unlock();
            }
        }
    }
}
