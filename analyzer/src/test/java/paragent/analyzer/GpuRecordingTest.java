package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jocl.CL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.GpuInterval;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.render.html.HtmlReportRenderer;
import paragent.analyzer.render.json.JsonSummaryRenderer;
import paragent.analyzer.testing.EventRecordings;
import paragent.analyzer.testing.GpuEvents;
import paragent.analyzer.testing.ParagentEvents;

/**
 * Loads real recordings made in this JVM with test copies of paragent's OpenCL events: a worker
 * that offloads a small kernel and copies its input and output around every launch (transfers
 * dominate the device), and one whose kernel dominates. The device's clock is unrelated to the
 * host's, as on a real GPU.
 */
class GpuRecordingTest {

    /** The simulated device's clock at the first command: far from any {@code System.nanoTime}. */
    static final long DEVICE_CLOCK_BASE = 5_000_000_000_000L;
    /** The simulated device starts a command this long after it was queued. */
    static final long QUEUE_TO_START_NANOS = 10_000;
    static final long CHUNK_BYTES = 256 * 1024;
    static final int ITERATIONS = 20;
    static final long IDLE_BEFORE_NANOS = 200_000_000L;
    static final String HOSTILE_KERNEL = "<script>alert('gpu')</script>";

    @TempDir
    static Path dir;
    static Path transfers;
    static Path kernels;

    @BeforeAll
    static void record() throws Exception {
        transfers = record("transfers.jfr", () -> offload("saxpy", 4_000_000L, 500_000L));
        kernels = record("kernels.jfr", () -> offload(HOSTILE_KERNEL, 200_000L, 8_000_000L));
    }

    @Test
    void transfersDominatingGiveAFindingNamingTheKernelItsSiteAndBytesPerLaunch() throws Exception {
        Analysis analysis = Analyzer.analyze(transfers);

        Finding gpu = analysis.findings().stream().filter(f -> f.kind() == FindingKind.GPU_TRANSFER)
                .findFirst().orElseThrow();
        assertThat(gpu.subject()).isEqualTo("saxpy");
        assertThat(gpu.where()).startsWith("paragent.analyzer.GpuRecordingTest.launch(GpuRecordingTest.java:");
        assertThat(gpu.evidence()).contains("512.0 KiB moved per launch of saxpy (20 launches")
                .contains("transfers 0.16 s, kernels 0.01 s");
        assertThat(gpu.advice()).contains("resident").contains("CL_MEM_ALLOC_HOST_PTR");
        GpuModel model = analysis.gpu();
        assertThat(gpu.lostThreadSeconds()).isCloseTo(model.hostWaitSeconds() * 0.16 / 0.17, within(1e-6));
        assertThat(gpu.share()).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void loaderSumsTransfersAndKernelsAndAttributesTransfersToLaunches() throws Exception {
        GpuModel gpu = Analyzer.analyze(transfers).gpu();

        assertThat(gpu.transferSeconds()).isCloseTo(0.16, within(1e-9));
        assertThat(gpu.kernelSeconds()).isCloseTo(0.01, within(1e-9));
        assertThat(gpu.bytesToDevice()).isEqualTo(ITERATIONS * CHUNK_BYTES);
        assertThat(gpu.bytesFromDevice()).isEqualTo(ITERATIONS * CHUNK_BYTES);
        GpuKernelStats saxpy = gpu.kernels().get(0);
        assertThat(saxpy.kernelName()).isEqualTo("saxpy");
        assertThat(saxpy.launches()).isEqualTo(ITERATIONS);
        // Each launch after the first carries the previous result's read and its own input.
        assertThat(saxpy.bytesPerLaunch()).isEqualTo(2 * CHUNK_BYTES);
        assertThat(saxpy.transferSeconds()).isCloseTo(0.16, within(1e-9));
        assertThat(gpu.deviceBusySeconds()).isCloseTo(0.17, within(1e-9));
        assertThat(gpu.deviceIdleSeconds()).isGreaterThan(0);
        assertThat(gpu.hostWaitSeconds()).isGreaterThanOrEqualTo(0.17);
        assertThat(gpu.hostWaitSecondsByThread()).hasSize(1);
    }

    @Test
    void kernelsDominatingGiveNoFinding() throws Exception {
        Analysis analysis = Analyzer.analyze(kernels);

        assertThat(analysis.gpu().kernelSeconds()).isGreaterThan(analysis.gpu().transferSeconds());
        assertThat(analysis.findings()).noneMatch(f -> f.kind() == FindingKind.GPU_TRANSFER);
    }

    @Test
    void deviceIntervalsAreAlignedToTheRecordingsClock() throws Exception {
        Analysis analysis = Analyzer.analyze(transfers);
        Instant recordingStart = Instant.MAX;
        Instant firstEnqueue = Instant.MAX;
        for (RecordedEvent e : RecordingFile.readAllEvents(transfers)) {
            recordingStart = e.getStartTime().isBefore(recordingStart) ? e.getStartTime() : recordingStart;
            if (e.getEventType().getName().equals("paragent.GpuCommand") && e.getStartTime().isBefore(firstEnqueue)) {
                firstEnqueue = e.getStartTime();
            }
        }
        double expectedFirstStart = Duration.between(recordingStart, firstEnqueue).toNanos() / 1e9
                + QUEUE_TO_START_NANOS / 1e9;

        List<GpuInterval> lane = analysis.gpu().lane();
        assertThat(lane.get(0).kind()).isEqualTo(GpuInterval.TRANSFER);
        assertThat(lane.get(0).startSeconds()).isCloseTo(expectedFirstStart, within(0.001));
        assertThat(lane.get(0).startSeconds()).isGreaterThanOrEqualTo(IDLE_BEFORE_NANOS / 1e9);
        assertThat(lane).allSatisfy(i -> assertThat(i.endSeconds()).isGreaterThanOrEqualTo(i.startSeconds())
                .isLessThan(analysis.wallSeconds()));
        assertThat(lane).anyMatch(GpuInterval::kernel);
    }

    @Test
    void jsonHasTheGpuObject() throws Exception {
        StringWriter out = new StringWriter();
        JsonSummaryRenderer.render(Analyzer.analyze(transfers), out);

        assertThat(out.toString()).contains("\"gpu\":{\"transferSeconds\":0.16,\"kernelSeconds\":0.01,"
                        + "\"bytesToDevice\":5242880,\"bytesFromDevice\":5242880,\"deviceBusySeconds\":0.17,")
                .contains("\"kernels\":[{\"kernelName\":\"saxpy\",\"launches\":20,\"kernelSeconds\":0.01,"
                        + "\"bytesMovedAround\":10485760,\"bytesPerLaunch\":524288,\"transferSeconds\":0.16,"
                        + "\"site\":\"paragent.analyzer.GpuRecordingTest.launch(GpuRecordingTest.java:")
                .contains("\"hostWaitSeconds\":");
    }

    @Test
    void htmlHasTheGpuSectionAndLaneWithTheKernelNameEscaped() throws Exception {
        StringWriter out = new StringWriter();
        HtmlReportRenderer.render(Analyzer.analyze(kernels), out);
        String html = out.toString();

        assertThat(html).contains("<h2 id=\"gpu\">GPU</h2>").contains("<div class=\"row gpu\">")
                .contains("<rect class=\"gpu-kernel\"").contains("<rect class=\"gpu-transfer\"")
                .contains("&lt;script&gt;alert(&#39;gpu&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    // ---- the simulated program ----

    /** A device whose clock runs from {@link #DEVICE_CLOCK_BASE} and runs one command at a time. */
    private static final class Device {
        final long hostStart = System.nanoTime();
        long freeAt = DEVICE_CLOCK_BASE;
        final Map<String, long[]> summaries = new HashMap<>();

        GpuEvents.GpuCommand enqueue(String kind, String kernelName, long bytes, long deviceNanos) {
            GpuEvents.GpuCommand c = new GpuEvents.GpuCommand();
            long host = System.nanoTime();
            c.begin(); // the event's time is the enqueue's, as the agent writes it
            c.queueId = 1;
            c.kind = kind;
            c.kernelName = kernelName;
            c.bytes = bytes;
            c.globalSize = kernelName == null ? 0 : 65_536;
            c.hostEnqueueNanos = host;
            c.queuedNanos = DEVICE_CLOCK_BASE + host - hostStart;
            c.submitNanos = c.queuedNanos + QUEUE_TO_START_NANOS / 2;
            c.startNanos = Math.max(c.queuedNanos + QUEUE_TO_START_NANOS, freeAt);
            c.endNanos = c.startNanos + deviceNanos;
            freeAt = c.endNanos;
            long[] s = summaries.computeIfAbsent(kind, k -> new long[3]);
            s[0]++;
            s[1] += bytes;
            s[2] += deviceNanos;
            return c;
        }

        void awaitIdle() {
            long idleAtHost = freeAt - DEVICE_CLOCK_BASE + hostStart;
            while (System.nanoTime() < idleAtHost + 1_000_000L) {
                LockSupport.parkNanos(500_000L);
            }
        }
    }

    private static void offload(String kernelName, long transferNanos, long kernelNanos) throws Exception {
        ParagentEvents.RunInfo info = new ParagentEvents.RunInfo();
        info.pid = 4242;
        info.availableProcessors = 2;
        info.commit();
        Thread.sleep(IDLE_BEFORE_NANOS / 1_000_000L);
        Device device = new Device();
        for (int i = 0; i < ITERATIONS; i++) {
            GpuEvents.GpuCommand write = device.enqueue("write", null, CHUNK_BYTES, transferNanos);
            GpuEvents.GpuCommand kernel = device.enqueue("kernel", kernelName, 0, kernelNanos);
            GpuEvents.GpuCommand read = device.enqueue("read", null, CHUNK_BYTES, transferNanos);
            GpuEvents.GpuWait wait = new GpuEvents.GpuWait();
            wait.begin();
            wait.call = "clFinish";
            wait.queueId = 1;
            device.awaitIdle();
            wait.commit();
            // Profiling is read at clFinish's exit: the commands are written from the enqueue call's site.
            CL.clEnqueue(write);
            launch(kernel);
            CL.clEnqueue(read);
        }
        device.summaries.forEach((kind, s) -> {
            GpuEvents.GpuSummary summary = new GpuEvents.GpuSummary();
            summary.queueId = 1;
            summary.kind = kind;
            summary.kernelName = kind.equals("kernel") ? kernelName : null;
            summary.commands = s[0];
            summary.bytes = s[1];
            summary.deviceNanos = s[2];
            summary.commit();
        });
    }

    private static void launch(GpuEvents.GpuCommand kernel) {
        CL.clEnqueue(kernel);
    }


    /** Records {@code body}, run on a worker thread of its own, with only paragent's events enabled. */
    private static Path record(String name, EventRecordings.Body body) throws Exception {
        return EventRecordings.record(dir.resolve(name), "gpu-worker-1",
                List.of("paragent.RunInfo", "paragent.GpuCommand", "paragent.GpuSummary", "paragent.GpuWait"), body);
    }
}
