package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JOCL program under the agent (on PoCL, a CPU OpenCL device, in CI): every transfer byte and
 * kernel launch is recorded with device times in order, profiling is forced on the queues the
 * program created without it, the host's waits carry the program's frames, the program's output
 * does not change, and the commands the program profiled itself carry the very times it read.
 */
class JoclIT {

    private static final String APP = "paragent.testapps.JoclApp";

    @TempDir
    Path dir;

    @Test
    void everyTransferByteAndLaunchIsRecordedWithTheDevicesOwnTimes() throws Exception {
        String classPath = ForkedJvm.TEST_CLASSES + File.pathSeparator + joclJar();
        ForkedJvm.Result without = ForkedJvm.run(ForkedJvm.command(null, classPath, APP), dir.resolve("plain"));
        requireOpenCl(without);
        Path out = Files.createDirectories(dir.resolve("out"));
        ForkedJvm.Result with = ForkedJvm.run(ForkedJvm.command("out=" + out, classPath, APP), dir.resolve("agent"));

        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(without.exitCode()).as(without.stderr()).isZero();
        assertThat(stable(with.stdout())).isEqualTo(stable(without.stdout())).contains("wrong sums=0");
        assertThat(with.stderrLines()).noneMatch(line -> line.contains("failed"));

        List<RecordedEvent> events = RecordingFile.readAllEvents(ExitReportIT.recording(out));
        List<RecordedEvent> commands = ofType(events, "paragent.GpuCommand");
        assertThat(bytes(commands, "write")).isEqualTo(value(with.stdout(), "wrote="));
        assertThat(bytes(commands, "read")).isEqualTo(value(with.stdout(), "read="));
        List<RecordedEvent> kernels = commands.stream().filter(e -> e.getString("kind").equals("kernel")).toList();
        assertThat((long) kernels.size()).isEqualTo(value(with.stdout(), "launches="));
        assertThat(kernels).allSatisfy(kernel -> {
            assertThat(kernel.getString("kernelName")).isEqualTo("vectorAdd");
            assertThat(kernel.getLong("globalSize")).isEqualTo(1 << 20);
            assertThat(kernel.getLong("bytes")).isZero();
        });
        assertThat(commands).allSatisfy(command -> {
            assertThat(command.getLong("queuedNanos")).isPositive();
            assertThat(command.getLong("submitNanos")).isGreaterThanOrEqualTo(command.getLong("queuedNanos"));
            assertThat(command.getLong("startNanos")).isGreaterThanOrEqualTo(command.getLong("submitNanos"));
            assertThat(command.getLong("endNanos")).isGreaterThan(command.getLong("startNanos"));
            assertThat(command.getLong("hostEnqueueNanos")).isPositive();
        });
        // Four queues: three created without profiling (forced on by the agent), one with.
        assertThat(commands.stream().map(e -> e.getLong("queueId")).distinct()).hasSize(4);
        assertThat(commands.stream().filter(e -> e.getBoolean("blocking")).map(e -> e.getString("kind")))
                .containsExactlyInAnyOrder("write", "read");

        List<RecordedEvent> summaries = ofType(events, "paragent.GpuSummary");
        assertThat(summaries.stream().filter(e -> e.getString("kind").equals("write"))
                .mapToLong(e -> e.getLong("bytes")).sum()).isEqualTo(value(with.stdout(), "wrote="));
        assertThat(summaries.stream().filter(e -> e.getString("kind").equals("kernel"))
                .mapToLong(e -> e.getLong("commands")).sum()).isEqualTo(kernels.size());
        assertThat(summaries.stream().filter(e -> e.getString("kind").equals("kernel"))
                .mapToLong(e -> e.getLong("deviceNanos")).sum())
                .isEqualTo(kernels.stream().mapToLong(e -> e.getLong("endNanos") - e.getLong("startNanos")).sum());

        Map<String, List<String>> waits = ofType(events, "paragent.GpuWait").stream().collect(Collectors.groupingBy(
                e -> e.getString("call"), Collectors.mapping(JoclIT::caller, Collectors.toList())));
        assertThat(waits.get("clFinish")).contains(APP + ".compute");
        assertThat(waits.get("clEnqueueReadBuffer")).containsExactly(APP + ".compute");
        assertThat(waits.get("clWaitForEvents")).contains(APP + ".compute", APP + ".profileOwn");
        assertThat(waits.values().stream().flatMap(List::stream)).allMatch(site -> site.startsWith(APP + "."));

        // The program's own profiling of the same commands: the agent read the very same events.
        List<String> own = with.stdout().lines().filter(line -> line.startsWith("profile write ")
                || line.startsWith("profile kernel ")).toList();
        assertThat(own).hasSize(1 + 100);
        for (String line : own) {
            long start = value(line, "start=");
            long end = value(line, "end=");
            assertThat(commands).anySatisfy(command -> {
                assertThat(command.getLong("startNanos")).isEqualTo(start);
                assertThat(command.getLong("endNanos")).isEqualTo(end);
            });
        }
        // Launches alternating with the program's own on a queue the agent made profiling: the
        // median device time agrees with the program's own median. Queue ids follow first use: the
        // twin is the last queue used.
        long ownStart = value(line(with.stdout(), "profile kernel "), "start=");
        long ownQueue = kernels.stream().filter(e -> e.getLong("startNanos") == ownStart).findFirst().orElseThrow()
                .getLong("queueId");
        long twinQueue = commands.stream().filter(e -> e.getLong("queueId") != ownQueue)
                .mapToLong(e -> e.getLong("queueId")).max().orElseThrow();
        double agentMedian = median(kernels.stream().filter(e -> e.getLong("queueId") == twinQueue)
                .mapToLong(e -> e.getLong("endNanos") - e.getLong("startNanos")).sorted().toArray());
        long appMedian = value(line(with.stdout(), "profile median "), "kernel=");
        System.out.println("JoclIT kernel median: agent " + agentMedian + " ns, program " + appMedian + " ns");
        // PoCL runs the kernels on the two CPUs the JVMs share: the two queues' medians differed by
        // up to 14 % in one suite run (the commands both profiled are compared exactly above).
        assertThat(agentMedian).isCloseTo(appMedian, within(0.20 * appMedian));
    }

    private static void requireOpenCl(ForkedJvm.Result run) {
        if (run.exitCode() == 2 && run.stderr().contains("no OpenCL platform")) {
            String message = "no OpenCL platform (" + run.stderr().strip() + "); install pocl-opencl-icd ocl-icd-opencl-dev";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** The first frame below JOCL's: the program's call. */
    private static String caller(RecordedEvent event) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i - 1).getMethod().getType().getName().startsWith("org.jocl.")) {
                String type = frames.get(i).getMethod().getType().getName();
                if (!type.startsWith("org.jocl.")) {
                    return type + "." + frames.get(i).getMethod().getName();
                }
            }
        }
        return "";
    }

    private static String joclJar() throws Exception {
        return Path.of(org.jocl.CL.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String stable(String stdout) {
        return stdout.lines().filter(line -> !line.startsWith("profile ")).collect(Collectors.joining("\n"));
    }

    private static long bytes(List<RecordedEvent> commands, String kind) {
        return commands.stream().filter(e -> e.getString("kind").equals(kind)).mapToLong(e -> e.getLong("bytes")).sum();
    }

    private static double median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static long value(String text, String key) {
        int at = text.indexOf(key) + key.length();
        int endAt = at;
        while (endAt < text.length() && Character.isDigit(text.charAt(endAt))) {
            endAt++;
        }
        return Long.parseLong(text.substring(at, endAt));
    }

    private static List<RecordedEvent> ofType(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }
}
