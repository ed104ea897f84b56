package paragent.gpu.probe;

import java.util.List;

/**
 * Everything one probe run measured, as the JSON, the HTML page and the text summary show it.
 * Immutable (lists are copied); thread-safe.
 *
 * @param platforms            every OpenCL platform with its devices
 * @param device               the probed device
 * @param transfers            one entry per direction, host memory kind and size
 * @param launchLatencySeconds host wall time from enqueueing an empty kernel to its completion, median
 * @param kernels              each probe kernel's throughput at the largest offload size
 * @param crossovers           per probe kernel: host against offload time by size, and the conclusion
 * @param hostThreads          the cores the host's loops ran on
 * @param repeats              measured repeats per point
 * @param warmups              unmeasured runs before them
 */
record ProbeReport(List<Platform> platforms, Device device, List<Transfer> transfers, double launchLatencySeconds,
        List<KernelThroughput> kernels, List<Crossover> crossovers, int hostThreads, int repeats, int warmups) {

    ProbeReport {
        platforms = List.copyOf(platforms);
        transfers = List.copyOf(transfers);
        kernels = List.copyOf(kernels);
        crossovers = List.copyOf(crossovers);
    }

    /** An OpenCL platform (an installed driver) and its devices. */
    record Platform(String name, String vendor, String version, List<Device> devices) {
        Platform {
            devices = List.copyOf(devices);
        }
    }

    /**
     * An OpenCL device and its key limits.
     *
     * @param index the global number {@code --device} takes, across platforms in listing order
     * @param type  {@code GPU}, {@code CPU}, {@code ACCELERATOR}, {@code CUSTOM} or {@code DEFAULT}
     */
    record Device(int index, String name, String type, String vendor, String driverVersion, long globalMemBytes,
            long maxAllocBytes, long computeUnits, long maxWorkGroupSize) {
    }

    /** Which way a transfer copies. */
    enum Direction {
        HOST_TO_DEVICE("hostToDevice", "host → device"),
        DEVICE_TO_HOST("deviceToHost", "device → host");

        final String jsonName;
        final String label;

        Direction(String jsonName, String label) {
            this.jsonName = jsonName;
            this.label = label;
        }
    }

    /**
     * The host side of a transfer: pageable (ordinary memory the driver may have to stage) or pinned
     * (a {@code CL_MEM_ALLOC_HOST_PTR} buffer mapped into the host, which DMA can reach directly).
     */
    enum Memory {
        PAGEABLE("pageable"),
        PINNED("pinned");

        final String jsonName;

        Memory(String jsonName) {
            this.jsonName = jsonName;
        }
    }

    /**
     * One transfer size in one direction from one kind of host memory.
     *
     * @param device             device time (profiling end − start) over the repeats
     * @param hostMedianSeconds  host wall time from the enqueue call to completion, median
     * @param queueMedianSeconds profiling start − queued: how long the command waited before it ran, median
     */
    record Transfer(Direction direction, Memory memory, long bytes, Stats device, double hostMedianSeconds,
            double queueMedianSeconds) {

        double bandwidthBytesPerSecond() {
            return bytes / device.medianSeconds();
        }
    }

    /** A probe kernel's throughput: {@code unit} per second of device time at {@code elements}. */
    record KernelThroughput(String name, long elements, double medianSeconds, double throughput, String unit) {
    }

    /**
     * One problem size of the offload sweep, medians over the repeats.
     *
     * @param bytes           bytes of one operand array ({@code elements × 4})
     * @param hostSeconds     the host's parallel loop
     * @param offloadSeconds  host wall time of copy in, kernel, copy out
     * @param transferSeconds device time of the copies (profiling)
     * @param kernelSeconds   device time of the kernel (profiling)
     */
    record OffloadPoint(long elements, long bytes, double hostSeconds, double offloadSeconds, double transferSeconds,
            double kernelSeconds) {
    }

    /**
     * Where offloading a kernel starts to pay.
     *
     * @param elements   the smallest size from which the device beats the host at every larger size
     *                   measured, or null when it never does
     * @param bytes      that size as bytes of one operand array, or null
     * @param conclusion one plain sentence saying what that means
     */
    record Crossover(String kernel, Long elements, Long bytes, String conclusion, List<OffloadPoint> points) {
        Crossover {
            points = List.copyOf(points);
        }
    }
}
