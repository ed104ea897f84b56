package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.GpuInterval;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;

class GpuModelsTest {

    /** The recording's wall clock minus the host's nanoTime. */
    static final long HOST_TO_EPOCH = 1_700_000_000_000_000_000L;
    static final long RECORDING_START_HOST = 1_000_000L;

    private static GpuCollector.Command command(long queue, long deviceMinusHost, String kind, String kernel,
                                                long bytes, long hostEnqueue, long startAfter, long deviceNanos) {
        long queued = hostEnqueue + deviceMinusHost;
        return new GpuCollector.Command(queue, kind, kernel, bytes, queued, queued + startAfter,
                queued + startAfter + deviceNanos, hostEnqueue, HOST_TO_EPOCH + hostEnqueue, "app.Offload.step(Offload.java:9)");
    }

    private static GpuModel build(GpuCollector in) {
        return GpuModels.gpu(in, HOST_TO_EPOCH + RECORDING_START_HOST, HOST_TO_EPOCH + 100_000_000L, new ArrayList<>());
    }

    @Test
    void eachQueuesDeviceClockIsMappedToTheRecordingsOwn() {
        GpuCollector in = new GpuCollector();
        // Two devices with unrelated clocks: each command starts 1 ms after the host enqueued it.
        in.commands.add(command(1, 7_000_000_000_000L, "write", null, 100, 11_000_000L, 1_000_000L, 2_000_000L));
        in.commands.add(command(2, 3_000_000_000L, "kernel", "k", 0, 51_000_000L, 1_000_000L, 4_000_000L));

        List<GpuInterval> lane = build(in).lane();

        assertThat(lane).hasSize(2);
        assertThat(lane.get(0).kind()).isEqualTo(GpuInterval.TRANSFER);
        assertThat(lane.get(0).startSeconds()).isCloseTo(0.011, within(1e-9));
        assertThat(lane.get(0).endSeconds()).isCloseTo(0.013, within(1e-9));
        assertThat(lane.get(1).kind()).isEqualTo(GpuInterval.KERNEL);
        assertThat(lane.get(1).startSeconds()).isCloseTo(0.051, within(1e-9));
    }

    @Test
    void transfersGoToTheNextLaunchAndScaleToTheSummarysLaunches() {
        GpuCollector in = new GpuCollector();
        long d = 5_000_000_000L;
        in.commands.add(command(1, d, "write", null, 100, 2_000_000L, 0, 1_000_000L));
        in.commands.add(command(1, d, "kernel", "k", 0, 4_000_000L, 0, 1_000_000L));
        in.commands.add(command(1, d, "read", null, 50, 6_000_000L, 0, 1_000_000L));
        in.commands.add(command(1, d, "write", null, 100, 8_000_000L, 0, 1_000_000L));
        in.commands.add(command(1, d, "kernel", "k", 0, 10_000_000L, 0, 1_000_000L));
        // The agent's cap left two of the summary's four launches out of the commands.
        in.summaries.put(List.of("kernel", "k"), new long[] {4, 0, 4_000_000L});
        in.summaries.put(List.of("write", ""), new long[] {4, 400, 4_000_000L});
        in.summaries.put(List.of("read", ""), new long[] {2, 100, 2_000_000L});

        GpuModel gpu = build(in);

        GpuKernelStats k = gpu.kernels().get(0);
        assertThat(k.launches()).isEqualTo(4);
        assertThat(k.kernelSeconds()).isCloseTo(0.004, within(1e-12));
        assertThat(k.bytesMovedAround()).isEqualTo(2 * (100 + 50 + 100));
        assertThat(k.bytesPerLaunch()).isEqualTo(125);
        assertThat(k.transferSeconds()).isCloseTo(0.006, within(1e-12));
        assertThat(gpu.transferSeconds()).isCloseTo(0.006, within(1e-12));
        assertThat(gpu.bytesToDevice()).isEqualTo(400);
        assertThat(gpu.bytesFromDevice()).isEqualTo(100);
        // Five recorded 1 ms commands, 1 ms apart, are 5 ms busy; the summaries hold twice their
        // device time (10 ms), so busy is estimated at 10 ms, capped at the 9 ms span.
        assertThat(gpu.deviceBusySeconds()).isCloseTo(0.009, within(1e-12));
        assertThat(gpu.deviceIdleSeconds()).isCloseTo(0.0, within(1e-12));
    }
}
