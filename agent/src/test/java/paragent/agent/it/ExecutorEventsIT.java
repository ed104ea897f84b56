package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.testapps.ExecutorsApp;
import paragent.testapps.OverridingExecutorApp;

/**
 * The executor events of a program with known numbers of tasks: exact counts per executor,
 * decodable histograms, the creation site, the worker threads, and the program's output and
 * behaviour (task identity, {@code remove}) unchanged.
 */
class ExecutorEventsIT {

    @TempDir
    Path dir;

    @Test
    void countsEveryTaskOfEachExecutorAndNamesCreationSitesAndWorkers() throws Exception {
        Recording recording = run("paragent.testapps.ExecutorsApp");

        ExecutorTotals tpe = recording.totalsOfKind("ThreadPoolExecutor");
        assertThat(tpe.tasks).isEqualTo(ExecutorsApp.TPE_TASKS);
        assertThat(tpe.submits).isEqualTo(ExecutorsApp.TPE_TASKS);
        assertThat(tpe.queueWaits).isEqualTo(ExecutorsApp.TPE_TASKS);
        assertThat(tpe.runTimes).isEqualTo(ExecutorsApp.TPE_TASKS);
        assertThat(tpe.runNanos).isPositive();
        assertThat(tpe.sites).isNotEmpty()
                .allMatch(site -> site.startsWith("paragent.testapps.ExecutorsApp.runThreadPool(ExecutorsApp.java:"));

        ExecutorTotals scheduled = recording.totalsOfKind("ScheduledThreadPoolExecutor");
        assertThat(scheduled.tasks).isEqualTo(ExecutorsApp.SCHEDULED_TASKS);
        assertThat(scheduled.submits).isEqualTo(ExecutorsApp.SCHEDULED_TASKS);
        assertThat(scheduled.queueWaits).isEqualTo(ExecutorsApp.SCHEDULED_TASKS);

        ExecutorTotals forkJoin = recording.totalsOfCreationSite("runForkJoin");
        assertThat(forkJoin.tasks).isGreaterThanOrEqualTo(ExecutorsApp.FORKS + 1);
        assertThat(forkJoin.submits).isGreaterThanOrEqualTo(ExecutorsApp.FORKS + 1);

        assertThat(recording.creationSite(recording.idOfKind("ThreadPoolExecutor")))
                .isEqualTo("paragent.testapps.ExecutorsApp.runThreadPool");
        assertThat(recording.creationSite(recording.idOfKind("ScheduledThreadPoolExecutor")))
                .isEqualTo("paragent.testapps.ExecutorsApp.runScheduled");
        assertThat(recording.workers(recording.idOfKind("ThreadPoolExecutor"))).containsOnly("tpe-worker-1", "tpe-worker-2");
        assertThat(recording.workers(recording.idOfKind("ScheduledThreadPoolExecutor"))).containsOnly("stpe-worker-1");
        assertThat(recording.workers(recording.idOfCreationSite("runForkJoin")))
                .isNotEmpty().allMatch(name -> name.startsWith("fj-worker-"));
        assertThat(recording.created).anyMatch(e -> e.getString("executorKind").equals("ForkJoinPool")
                && e.getInt("parallelism") == ForkJoinPool.commonPool().getParallelism());
    }

    @Test
    void subclassOverridingBeforeAndAfterExecuteIsCountedAndKeepsTaskIdentity() throws Exception {
        Recording recording = run("paragent.testapps.OverridingExecutorApp");

        assertThat(recording.stdout).isEqualTo("removed=true\nran=" + OverridingExecutorApp.TASKS + "\nbefore="
                + (OverridingExecutorApp.TASKS + 1) + " after=" + (OverridingExecutorApp.TASKS + 1) + "\nidentity=true\n");
        ExecutorTotals totals = recording.totalsOfKind("ThreadPoolExecutor");
        // The blocker and the tasks ran; the removed task was submitted but never ran.
        assertThat(totals.tasks).isEqualTo(OverridingExecutorApp.TASKS + 1);
        assertThat(totals.submits).isEqualTo(OverridingExecutorApp.TASKS + 2);
        assertThat(recording.created).anyMatch(e -> e.getString("executorClass")
                .equals("paragent.testapps.OverridingExecutorApp$CountingExecutor"));
        assertThat(recording.workers(recording.idOfKind("ThreadPoolExecutor"))).containsOnly("overriding-worker-1");
    }

    private Recording run(String mainClass) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result without = ForkedJvm.run(ForkedJvm.command(null, ForkedJvm.TEST_CLASSES.toString(), mainClass),
                dir);
        ForkedJvm.Result with = ForkedJvm.run(ForkedJvm.command("out=" + out + ",quiet",
                ForkedJvm.TEST_CLASSES.toString(), mainClass), dir);
        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(with.stdout()).isEqualTo(without.stdout());
        assertThat(with.stderr()).isEmpty();
        Path jfr = ExitReportIT.reports(out).stream().filter(p -> p.toString().endsWith(".jfr")).findFirst()
                .orElseThrow();
        return new Recording(RecordingFile.readAllEvents(jfr), with.stdout());
    }

    /** One executor's summaries added up. */
    private static final class ExecutorTotals {
        long tasks;
        long submits;
        long runNanos;
        long queueWaits;
        long runTimes;
        final Set<String> sites = new HashSet<>();
    }

    /** The executor events of one recording. */
    private static final class Recording {
        final List<RecordedEvent> created = new ArrayList<>();
        final List<RecordedEvent> workers = new ArrayList<>();
        final List<RecordedEvent> summaries = new ArrayList<>();
        final String stdout;

        Recording(List<RecordedEvent> events, String stdout) {
            this.stdout = stdout;
            for (RecordedEvent event : events) {
                switch (event.getEventType().getName()) {
                    case "paragent.ExecutorCreated" -> created.add(event);
                    case "paragent.ExecutorWorker" -> workers.add(event);
                    case "paragent.ExecutorSummary" -> summaries.add(event);
                    default -> {
                    }
                }
            }
        }

        long idOfKind(String kind) {
            List<Long> ids = created.stream().filter(e -> e.getString("executorKind").equals(kind))
                    .map(e -> e.getLong("executorId")).toList();
            assertThat(ids).as("executors of kind " + kind).hasSize(1);
            return ids.get(0);
        }

        long idOfCreationSite(String method) {
            return created.stream().filter(e -> creationSite(e).endsWith("." + method))
                    .map(e -> e.getLong("executorId")).findFirst().orElseThrow();
        }

        String creationSite(long executorId) {
            return creationSite(created.stream().filter(e -> e.getLong("executorId") == executorId)
                    .findFirst().orElseThrow());
        }

        static String creationSite(RecordedEvent event) {
            return Stacks.firstApplicationMethod(event);
        }

        Set<String> workers(long executorId) {
            List<String> names = workers.stream().filter(e -> e.getLong("executorId") == executorId)
                    .map(e -> e.getThread().getJavaName()).toList();
            assertThat(names).as("one ExecutorWorker per thread").doesNotHaveDuplicates();
            return Set.copyOf(names);
        }

        ExecutorTotals totalsOfKind(String kind) {
            return totals(idOfKind(kind));
        }

        ExecutorTotals totalsOfCreationSite(String method) {
            return totals(idOfCreationSite(method));
        }

        ExecutorTotals totals(long executorId) {
            ExecutorTotals totals = new ExecutorTotals();
            for (RecordedEvent summary : summaries) {
                if (summary.getLong("executorId") != executorId) {
                    continue;
                }
                totals.tasks += summary.getLong("tasks");
                totals.submits += summary.getLong("submits");
                totals.runNanos += summary.getLong("runNanos");
                totals.queueWaits += decode(summary.getString("queueWait")).getTotalCount();
                totals.runTimes += decode(summary.getString("runTime")).getTotalCount();
                if (summary.getString("submitSite") != null) {
                    totals.sites.add(summary.getString("submitSite"));
                }
            }
            return totals;
        }

        private static Histogram decode(String base64) {
            try {
                return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
            } catch (java.util.zip.DataFormatException e) {
                throw new AssertionError("undecodable histogram", e);
            }
        }
    }
}
