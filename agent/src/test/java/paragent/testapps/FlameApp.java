package paragent.testapps;

/**
 * Three threads that take turns on one monitor and spin in {@link #hotLoop} while holding it:
 * CPU-busy and lock-contended, for the flame graph tests. Prints a result that depends on the work
 * only.
 */
public final class FlameApp {

    private static final Object LOCK = new Object();
    private static long state = 1;

    private FlameApp() {
    }

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(FlameApp::work, "flame-worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("state=" + state);
    }

    private static void work() {
        for (int round = 0; round < 40; round++) {
            synchronized (LOCK) {
                state = hotLoop(state);
            }
        }
    }

    static long hotLoop(long seed) {
        long value = seed;
        for (int i = 0; i < 3_000_000; i++) {
            value ^= value * 31 + i;
        }
        return value;
    }
}
