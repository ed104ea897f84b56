package paragent.demo.oversubscribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the calling thread's cumulative time spent runnable but waiting for a CPU: field 2 of
 * Linux's {@code /proc/thread-self/schedstat}. The demo's own measurement of run-queue wait, which
 * the accuracy tests compare with paragent's. Stateless and thread-safe; each call reads the file.
 */
final class RunQueueClock {

    /** Returned when the file cannot be read (not Linux, no {@code /proc}, no schedstats). */
    static final long UNREADABLE = -1L;

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    private RunQueueClock() {
    }

    /** The calling thread's run-queue wait so far in nanoseconds, or {@link #UNREADABLE}. */
    static long waitNanos() {
        try {
            String[] fields = Files.readString(SCHEDSTAT).trim().split(" ");
            return fields.length < 2 ? UNREADABLE : Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
    }
}
