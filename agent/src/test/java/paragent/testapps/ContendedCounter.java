package paragent.testapps;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Real lock contention for the test programs: threads named {@code worker-N} each add one to a
 * shared counter, under one {@link ReentrantLock}, a given number of times. Thread-safe: the
 * counter is only touched under the lock, and {@link #run} joins its threads before it reads it.
 */
final class ContendedCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long counter;

    /**
     * Starts the threads, waits for them all, and returns the counter (all runs so far).
     *
     * @param threads how many threads contend
     * @param iterations how many increments each makes
     */
    long run(int threads, int iterations) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> increment(iterations), "worker-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return value();
    }

    /** The counter: all increments of the runs so far. */
    long value() {
        lock.lock();
        try {
            return counter;
        } finally {
            lock.unlock();
        }
    }

    private void increment(int iterations) {
        for (int i = 0; i < iterations; i++) {
            lock.lock();
            try {
                counter++;
            } finally {
                lock.unlock();
            }
        }
    }
}
