package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paragent.SchedStat} measures what the scheduler did to six CPU-bound threads on a
 * 2-core machine: their time on a CPU agrees with the CPU time each thread read from
 * {@code ThreadMXBean} itself, their time in the run queue is a large part of their life, and
 * each thread wrote its own final counters as it exited.
 */
class SchedStatIT {

    private static final Pattern CPU_LINE = Pattern.compile("(busy-\\d+) cpuNanos=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void busyThreadsRunTimeMatchesThreadMXBeanAndTheyWaitInTheRunQueue() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.command("out=" + dir, ForkedJvm.TEST_CLASSES.toString(),
                "paragent.testapps.BusyThreadsApp"), dir);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Long> appCpuNanos = new HashMap<>();
        Matcher line = CPU_LINE.matcher(result.stdout());
        while (line.find()) {
            appCpuNanos.put(line.group(1), Long.parseLong(line.group(2)));
        }
        assertThat(appCpuNanos).hasSize(6);

        Recording recording = Recording.read(ExitReportIT.recording(dir));
        assertThat(recording.schedStatPeriodMillis).isEqualTo(100);
        for (Map.Entry<String, Long> busy : appCpuNanos.entrySet()) {
            String name = busy.getKey();
            // The thread started during the recording (its jdk.ThreadStart is in it), so its
            // counters started at 0 within the recording: the last value is the delta.
            assertThat(recording.started).as("jdk.ThreadStart of %s", name).containsKey(name);
            long tid = recording.started.get(name).getOSThreadId();
            List<RecordedEvent> samples = recording.schedStats.get(tid);
            assertThat(samples).as("SchedStat of %s (tid %d)", name, tid).isNotEmpty();
            RecordedEvent last = samples.get(samples.size() - 1);
            long lifetimeNanos = Duration.between(recording.startTimes.get(name), recording.endTimes.get(name)).toNanos();

            assertThat((double) last.getLong("runNanos")).as("runNanos of %s", name)
                    .isCloseTo(busy.getValue(), within(busy.getValue() * 0.10));
            assertThat(last.getLong("runQueueNanos")).as("runQueueNanos of %s, lifetime %d ns", name, lifetimeNanos)
                    .isGreaterThan(lifetimeNanos / 5);
            assertThat(samples).as("a SchedStat written by %s itself as it exited", name)
                    .anySatisfy(event -> assertThat(writer(event)).isEqualTo(tid));
        }
    }

    private static long writer(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        return thread == null ? -1 : thread.getOSThreadId();
    }

    /** What the test needs from the .jfr file. */
    private static final class Recording {
        long schedStatPeriodMillis = -1;
        final Map<String, RecordedThread> started = new HashMap<>();
        final Map<String, java.time.Instant> startTimes = new HashMap<>();
        final Map<String, java.time.Instant> endTimes = new HashMap<>();
        /** SchedStat events by tid, in time order. */
        final Map<Long, List<RecordedEvent>> schedStats = new HashMap<>();

        static Recording read(Path file) throws java.io.IOException {
            assertThat(Files.exists(file)).isTrue();
            Recording recording = new Recording();
            List<RecordedEvent> events = new ArrayList<>(RecordingFile.readAllEvents(file));
            events.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
            for (RecordedEvent event : events) {
                switch (event.getEventType().getName()) {
                    case "paragent.RunInfo" -> recording.schedStatPeriodMillis = event.getLong("schedStatPeriodMillis");
                    case "paragent.SchedStat" -> recording.schedStats
                            .computeIfAbsent(event.getLong("tid"), tid -> new ArrayList<>()).add(event);
                    case "jdk.ThreadStart" -> recording.threadStarted(event);
                    case "jdk.ThreadEnd" -> recording.threadEnded(event);
                    default -> {
                    }
                }
            }
            return recording;
        }

        private void threadStarted(RecordedEvent event) {
            RecordedThread thread = event.getThread("thread");
            if (thread != null && thread.getJavaName() != null) {
                started.put(thread.getJavaName(), thread);
                startTimes.put(thread.getJavaName(), event.getStartTime());
            }
        }

        private void threadEnded(RecordedEvent event) {
            RecordedThread thread = event.getThread("thread");
            if (thread != null && thread.getJavaName() != null) {
                endTimes.put(thread.getJavaName(), event.getStartTime());
            }
        }
    }
}
