package paragent.gpu.probe;

import java.util.ArrayList;
import java.util.List;
import paragent.gpu.probe.ProbeOptions.UsageException;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.KernelThroughput;
import paragent.gpu.probe.ProbeReport.OffloadPoint;

/**
 * One probe run on one device: discover OpenCL, pick the device, measure transfers, launch latency
 * and the offload sweep, and assemble the report. Sizes grow by 4× from {@link ProbeOptions#MIN_BYTES},
 * bounded by the plan, the device's largest allocation and a quarter of its memory (the offload
 * sweep also by an eighth of the Java heap, which holds its host arrays). Not thread-safe.
 */
final class Probe {

    private Probe() {
    }

    /**
     * @throws NoOpenClException without OpenCL
     * @throws UsageException    for a {@code --device} that does not exist
     */
    static ProbeReport measure(ProbeOptions options) throws NoOpenClException, UsageException {
        OpenCl openCl = OpenCl.discover();
        int index = options.device() != null ? options.device() : openCl.defaultDevice();
        if (index >= openCl.deviceCount()) {
            throw new UsageException("there is no device " + index + ": the devices are 0.." + (openCl.deviceCount() - 1));
        }
        Device device = openCl.device(index);
        long deviceLimit = Math.min(device.maxAllocBytes(), device.globalMemBytes() / 4);
        List<Long> transferSizes = ladder(Math.min(options.maxBytes(), deviceLimit));
        List<Long> offloadSizes = ladder(Math.min(Math.min(options.offloadMaxBytes(), deviceLimit),
                Runtime.getRuntime().maxMemory() / 8));
        int hostThreads = Runtime.getRuntime().availableProcessors();
        try (ClSession session = new ClSession(openCl.platformId(index), openCl.deviceId(index))) {
            var transfers = TransferProbe.measure(session, transferSizes, options.warmups(), options.repeats());
            OffloadProbe offload = new OffloadProbe(session, options.warmups(), options.repeats());
            double launchLatency = offload.launchLatencySeconds();
            List<KernelThroughput> kernels = new ArrayList<>();
            List<Crossover> crossovers = new ArrayList<>();
            for (ProbeKernel kernel : ProbeKernel.values()) {
                List<OffloadPoint> points = offload.sweep(kernel, offloadSizes);
                kernels.add(throughput(kernel, points.get(points.size() - 1)));
                crossovers.add(CrossoverFinder.find(kernel.jsonName, kernel.description, hostThreads, points));
            }
            return new ProbeReport(openCl.platforms(), device, transfers, launchLatency, kernels, crossovers,
                    hostThreads, options.repeats(), options.warmups());
        }
    }

    /** @return {@link ProbeOptions#MIN_BYTES}, 4× that, ... up to {@code max}; at least the first */
    static List<Long> ladder(long max) {
        List<Long> sizes = new ArrayList<>();
        for (long bytes = ProbeOptions.MIN_BYTES; bytes <= max || sizes.isEmpty(); bytes *= 4) {
            sizes.add(bytes);
        }
        return sizes;
    }

    private static KernelThroughput throughput(ProbeKernel kernel, OffloadPoint largest) {
        return new KernelThroughput(kernel.jsonName, largest.elements(), largest.kernelSeconds(),
                largest.elements() * (double) kernel.workPerElement / largest.kernelSeconds(), kernel.unit);
    }
}
