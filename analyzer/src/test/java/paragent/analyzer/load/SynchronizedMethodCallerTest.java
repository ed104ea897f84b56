package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Frames#callerOfSynchronizedMethod}: the line that calls a {@code synchronized} method is
 * where an inlined one enters its monitor; a {@code synchronized} block has no such line. Real
 * {@code jdk.JavaMonitorEnter} events recorded in the test JVM.
 */
class SynchronizedMethodCallerTest {

    /** A counter with both kinds of monitor enter; {@link #holdFor} keeps its monitor while another thread waits. */
    static final class Counter {
        private long count;

        synchronized void incrementMethod() {
            count++;
        }

        void incrementBlock() {
            synchronized (this) {
                count++;
            }
        }

        void holdFor(CountDownLatch held, long millis) throws InterruptedException {
            synchronized (this) {
                held.countDown();
                Thread.sleep(millis);
            }
        }
    }

    @Test
    void theCallerOfASynchronizedMethodIsNamedAndASynchronizedBlockHasNone(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("monitors.jfr");
        Counter counter = new Counter();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaMonitorEnter").withThreshold(java.time.Duration.ZERO).withStackTrace();
            recording.start();
            contend(counter, () -> callTheMethod(counter));
            contend(counter, counter::incrementBlock);
            recording.stop();
            recording.dump(jfr);
        }

        List<String> callers = new ArrayList<>();
        List<String> topMethods = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jdk.JavaMonitorEnter")
                    && e.getClass("monitorClass").getName().equals(Counter.class.getName())) {
                topMethods.add(e.getStackTrace().getFrames().get(0).getMethod().getName());
                callers.add(String.valueOf(Frames.callerOfSynchronizedMethod(e.getStackTrace())));
            }
        }

        assertThat(topMethods).containsExactly("incrementMethod", "incrementBlock");
        assertThat(callers.get(0)).startsWith(SynchronizedMethodCallerTest.class.getName()
                + ".callTheMethod(SynchronizedMethodCallerTest.java:");
        assertThat(callers.get(1)).isEqualTo("null");
        assertThat(Frames.callerOfSynchronizedMethod(null)).isNull();
    }

    private static void callTheMethod(Counter counter) {
        counter.incrementMethod();
    }

    /** Runs {@code waiter} on this thread while another holds the counter's monitor for 50 ms. */
    private static void contend(Counter counter, Runnable waiter) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                counter.holdFor(held, 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        held.await();
        waiter.run();
        holder.join();
    }
}
