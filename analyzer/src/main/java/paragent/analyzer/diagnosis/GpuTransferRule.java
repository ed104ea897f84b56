package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;

/**
 * {@link FindingKind#GPU_TRANSFER}: workers waiting for an OpenCL device that spends more of its
 * time copying data than computing. Stateless; thread-safe.
 *
 * <p>When the device's transfer time exceeds its kernel time, the lost time is the workers' time
 * blocked on the device ({@code GpuWait}: {@code clFinish}, waits for events, blocking reads and
 * writes) scaled by the transfers' share of the device time, transfer / (transfer + kernel): the
 * part of the wait the copies caused. The subject is the kernel with the most transfer bytes per
 * launch, the place its enqueue site.
 *
 * <p>In {@link Rules#all()} it follows {@link IpcRule}: the wait is measured call by call, like
 * locks, GC, process starts and IPC, so it draws on the ledger before the rules that infer causes
 * from idle intervals — a worker blocked in {@code clFinish} shows up as off-CPU or unexplained
 * time to them. It comes after IPC because the two never overlap (a thread is either in a channel
 * call or in an OpenCL call) and IPC's rules are the older, more general ones.
 */
public final class GpuTransferRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;
    /** Transfers of at most this many bytes per launch are small: batching the launches helps. */
    public static final long SMALL_TRANSFER_BYTES = 1024 * 1024;
    /** At least this many launches make batching worth saying. */
    public static final long MANY_LAUNCHES = 100;

    /**
     * The states a thread blocked on the device shows up in: I/O or unexplained time in native
     * code, waiting or parked when the wait is a Java one, running when the driver spins.
     */
    private static final ThreadState[] WAIT_STATES = {ThreadState.IO, ThreadState.OTHER, ThreadState.WAITING,
        ThreadState.PARKED_OTHER, ThreadState.RUNNING};

    @Override
    public FindingKind kind() {
        return FindingKind.GPU_TRANSFER;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        GpuModel gpu = model.gpu();
        double device = gpu.transferSeconds() + gpu.kernelSeconds();
        if (gpu.transferSeconds() <= gpu.kernelSeconds() || device <= 0) {
            return List.of();
        }
        double transferShare = gpu.transferSeconds() / device;
        double lost = 0;
        for (Map.Entry<Long, Double> wait : gpu.hostWaitSecondsByThread().entrySet()) {
            lost += ledger.claimSpread(wait.getKey(), WAIT_STATES, wait.getValue() * transferShare);
        }
        if (lost <= 0 || lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return List.of();
        }
        GpuKernelStats top = gpu.kernels().stream().filter(k -> k.launches() > 0)
                .max(Comparator.comparingLong(GpuKernelStats::bytesPerLaunch)).orElse(null);
        return List.of(finding(gpu, top, lost));
    }

    private static Finding finding(GpuModel gpu, GpuKernelStats top, double lost) {
        String subject = top == null ? "OpenCL transfers (no kernel launched)" : top.kernelName();
        String title = String.format(Locale.ROOT, "Workers lose %s s waiting for host-device transfers%s",
                Texts.decimal(lost), top == null ? "" : " around kernel " + top.kernelName());
        StringBuilder evidence = new StringBuilder();
        if (top != null) {
            evidence.append(String.format(Locale.ROOT, "%s moved per launch of %s (%,d launches, %s in all); ",
                    Texts.bytes(top.bytesPerLaunch()), top.kernelName(), top.launches(),
                    Texts.bytes(top.bytesMovedAround())));
        }
        evidence.append(String.format(Locale.ROOT, "device time: transfers %s s, kernels %s s (%s to the device,"
                        + " %s back); device idle %s s of %s s; host threads blocked on the device %s s",
                Texts.decimal(gpu.transferSeconds()), Texts.decimal(gpu.kernelSeconds()),
                Texts.bytes(gpu.bytesToDevice()), Texts.bytes(gpu.bytesFromDevice()),
                Texts.decimal(gpu.deviceIdleSeconds()), Texts.decimal(gpu.deviceBusySeconds() + gpu.deviceIdleSeconds()),
                Texts.decimal(gpu.hostWaitSeconds())));
        return new Finding(FindingKind.GPU_TRANSFER, lost, 0, subject, top == null ? null : top.site(), title,
                evidence.toString(), advice(top), detail(gpu));
    }

    /** The fixes, the one that fits first: batching for many small launches, else residency. */
    static String advice(GpuKernelStats top) {
        String resident = "keep the buffers resident on the device: write the input once, launch on it many"
                + " times, read the result back once";
        String pinned = "; allocate the host buffers that must still move as pinned memory (CL_MEM_ALLOC_HOST_PTR,"
                + " then map them) so those copies run at full bus speed";
        if (top != null && top.launches() >= MANY_LAUNCHES && top.bytesPerLaunch() <= SMALL_TRANSFER_BYTES) {
            return "Batch the small launches into one large kernel over all the data, and " + resident + pinned;
        }
        return Character.toUpperCase(resident.charAt(0)) + resident.substring(1)
                + "; batch small launches into one large kernel" + pinned;
    }

    private static List<String> detail(GpuModel gpu) {
        List<String> lines = new ArrayList<>();
        for (GpuKernelStats k : gpu.kernels()) {
            lines.add(String.format(Locale.ROOT, "kernel %s: %,d launches, %s s on the device, %s moved per launch"
                            + " (%s s of transfers)%s", k.kernelName(), k.launches(), Texts.decimal(k.kernelSeconds()),
                    Texts.bytes(k.bytesPerLaunch()), Texts.decimal(k.transferSeconds()),
                    k.site() == null ? "" : ", enqueued at " + k.site()));
        }
        return lines;
    }
}
