package paragent.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * What one JVM did on OpenCL devices (paragent's {@code GpuCommand}, {@code GpuSummary} and
 * {@code GpuWait} events): device time on transfers against kernels, bytes each way, how busy the
 * device was, and how long host threads waited for it. Immutable.
 *
 * <p>A transfer is any memory command (write, read, copy, fill, map); bytes to the device are the
 * writes', bytes from it the reads' (copies and fills stay on the device, and a map's direction is
 * not recorded). Totals come from the per-second summaries, which count every command; the
 * attribution of transfers to launches, the device's busy time and the lane come from the
 * individual commands, which the agent caps per second.
 *
 * @param kernels per kernel name, most transfer bytes per launch first
 * @param transferSeconds summed device time of the memory commands
 * @param kernelSeconds summed device time of the kernels
 * @param bytesToDevice bytes written to the device
 * @param bytesFromDevice bytes read back from the device
 * @param deviceBusySeconds time the device executed at least one command, from its first command's
 *     start to its last command's end
 * @param deviceIdleSeconds the rest of that span
 * @param hostWaitSeconds host threads' summed time blocked on the device ({@code GpuWait})
 * @param lane the device's transfer and kernel intervals on the recording's clock, in time order;
 *     intervals of one kind closer than {@link #LANE_MERGE_FRACTION} of the recording are merged
 * @param hostWaitSecondsByThread per Java thread id, its time blocked on the device
 */
public record GpuModel(List<GpuKernelStats> kernels, double transferSeconds, double kernelSeconds,
                       long bytesToDevice, long bytesFromDevice, double deviceBusySeconds, double deviceIdleSeconds,
                       double hostWaitSeconds, List<GpuInterval> lane, Map<Long, Double> hostWaitSecondsByThread) {

    /** Lane intervals of one kind closer than this fraction of the recording are one interval. */
    public static final double LANE_MERGE_FRACTION = 1.0 / 1_000;

    public GpuModel {
        kernels = List.copyOf(kernels);
        lane = List.copyOf(lane);
        hostWaitSecondsByThread = Map.copyOf(hostWaitSecondsByThread);
    }

    /** A model with the host's wait as one total, not per thread. */
    public GpuModel(List<GpuKernelStats> kernels, double transferSeconds, double kernelSeconds, long bytesToDevice,
                    long bytesFromDevice, double deviceBusySeconds, double deviceIdleSeconds, double hostWaitSeconds,
                    List<GpuInterval> lane) {
        this(kernels, transferSeconds, kernelSeconds, bytesToDevice, bytesFromDevice, deviceBusySeconds,
                deviceIdleSeconds, hostWaitSeconds, lane, Map.of());
    }

    /** No GPU use recorded. */
    public static GpuModel empty() {
        return new GpuModel(List.of(), 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** @return true when no device command and no wait was recorded */
    public boolean isEmpty() {
        return kernels.isEmpty() && transferSeconds == 0 && kernelSeconds == 0 && bytesToDevice == 0
                && bytesFromDevice == 0 && hostWaitSeconds == 0 && lane.isEmpty();
    }
}
