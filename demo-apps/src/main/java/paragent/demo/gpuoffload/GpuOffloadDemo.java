package paragent.demo.gpuoffload;

import java.util.ArrayList;
import java.util.List;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.DemoUnavailableException;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;

/**
 * {@code gpu-offload}, after the seed's {@code theano_dmeo.py}: array arithmetic offloaded to an
 * OpenCL device with JOCL, as an application that ships JOCL does.
 *
 * <p>The problem: {@value #DEFAULT_BLOCKS} × scale blocks of {@code --elements} floats of two
 * vectors, each advanced {@code --steps} steps of {@code y ← }{@value #A}{@code ·x + y} by the
 * kernel {@value #KERNEL_NAME}. The blocks are split over {@code --threads} host threads
 * {@code gpu-offload-worker-<i>}, each with its own command queue ({@link DeviceLane}).
 * Bottleneck: every step, every block's two arrays are written to the device, one small kernel
 * runs and the result is read back, each command waited for (blocking writes and read,
 * {@code clFinish} after the writes and the kernel), so the device mostly copies (GPU_TRANSFER).
 * Fixed: the arrays are written once and stay on the device, each step is one launch over all of
 * the thread's blocks, and the result is read once. Result: the sum of the bit
 * patterns of the final {@code y} (in hex), the same in both variants and for any thread count,
 * since {@value #A}{@code ·x} is exact in float.
 *
 * <p>Metrics, counted by the demo: {@code bytesToDevice}, {@code bytesFromDevice} and
 * {@code kernelLaunches} (exact), and {@code transferMillis} and {@code kernelMillis}, the host
 * threads' wall time from enqueueing transfers (kernels) until they are done, summed over the
 * threads. The context and the program build (hundreds of milliseconds on a CPU
 * device) come before the timed part. Without OpenCL, {@link #run} throws a
 * {@link DemoUnavailableException} with {@link #NO_OPENCL}. Stateless; see {@link Demo}.
 */
public final class GpuOffloadDemo implements Demo {

    /** The command-line name. */
    public static final String NAME = "gpu-offload";
    /** The kernel's function name: the subject of the expected finding. */
    public static final String KERNEL_NAME = "saxpy_step";
    /**
     * The one line printed without OpenCL, as paragent's {@code gpu-probe} prints it: both when no
     * {@code libOpenCL.so} loads and when the loader finds no platform.
     */
    public static final String NO_OPENCL = "paragent: no OpenCL platform found: install a GPU driver's OpenCL ICD,"
            + " or pocl-opencl-icd (and ocl-icd-opencl-dev for libOpenCL.so)";
    /** Blocks at scale 1. */
    public static final long DEFAULT_BLOCKS = 8;
    /** Floats per array of one block: 64 Ki, 256 KiB per array. */
    public static final int DEFAULT_ELEMENTS = 65_536;
    /** Steps every block takes. */
    public static final int DEFAULT_STEPS = 2000;
    /** The factor {@code a} of {@code y ← a·x + y}: a power of two, so {@code a·x} is exact. */
    public static final float A = 0.25f;

    static final DemoOption ELEMENTS = DemoOption.intOption("elements", 1, DEFAULT_ELEMENTS,
            "floats per array of one block, the size of one transfer");
    static final DemoOption STEPS = DemoOption.intOption("steps", 1, DEFAULT_STEPS,
            "steps of y = a*x + y every block takes");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenCL (JOCL) saxpy steps on small arrays copied to the device and back every step"
                + " (fixed: arrays resident on the device, one launch per step)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(ELEMENTS, STEPS);
    }

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        return ExpectedFinding.of("GPU_TRANSFER", KERNEL_NAME, "paragent.demo.gpuoffload.");
    }

    /**
     * Checks that this machine has an OpenCL platform with a device, creating nothing on it.
     *
     * @throws DemoUnavailableException with {@link #NO_OPENCL} when it has none
     */
    public static void requireOpenCl() {
        OpenClDevice.requireDevice();
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        long blocks = config.scaled(DEFAULT_BLOCKS);
        int elements = ELEMENTS.intValue(config);
        if (blocks * elements > Integer.MAX_VALUE / Float.BYTES) {
            throw new IllegalArgumentException("--scale and --elements too large: " + blocks + " blocks of "
                    + elements + " floats");
        }
        int steps = STEPS.intValue(config);
        try (OpenClDevice device = OpenClDevice.open()) {
            List<HostArrays> shares = shares((int) blocks, elements, config.threads());
            List<DeviceLane> lanes = new ArrayList<>(config.threads());
            try {
                for (int i = 0; i < config.threads(); i++) {
                    lanes.add(new DeviceLane(device));
                }
                long wallNanos = Workers.runAll(NAME, config.threads(),
                        i -> advance(lanes.get(i), shares.get(i), steps, config.variant()));
                return result(wallNanos, shares, lanes);
            } finally {
                lanes.forEach(DeviceLane::close);
            }
        }
    }

    private static void advance(DeviceLane lane, HostArrays share, int steps, Variant variant) {
        if (share.blocks() == 0) {
            return;
        }
        if (variant == Variant.BOTTLENECK) {
            lane.roundTripEveryStep(share, steps);
        } else {
            lane.keepResident(share, steps);
        }
    }

    /** Each thread's consecutive blocks, in thread order. */
    private static List<HostArrays> shares(int blocks, int elements, int threads) {
        List<HostArrays> shares = new ArrayList<>(threads);
        long first = 0;
        for (int i = 0; i < threads; i++) {
            int count = (int) Workers.shareOf(blocks, threads, i);
            shares.add(HostArrays.of(first, count, elements));
            first += count;
        }
        return shares;
    }

    private static DemoResult result(long wallNanos, List<HostArrays> shares, List<DeviceLane> lanes) {
        long checksum = 0;
        for (HostArrays share : shares) {
            checksum += share.checksum();
        }
        OffloadMeter total = new OffloadMeter();
        lanes.forEach(lane -> total.add(lane.meter()));
        return new DemoResult(wallNanos, Long.toHexString(checksum), total.metrics());
    }
}
