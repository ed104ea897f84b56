package paragent.testapps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A long-running program to attach the agent to: each line {@code work} on stdin runs two threads
 * contending for a lock and prints the counter; {@code quit} (or the end of stdin) ends it. Prints
 * {@code ready} first.
 */
public final class AttachTargetApp {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long counter;

    private AttachTargetApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            Thread[] workers = new Thread[2];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Thread(AttachTargetApp::work, "worker-" + i);
                workers[i].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            System.out.println("counter=" + counter);
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
