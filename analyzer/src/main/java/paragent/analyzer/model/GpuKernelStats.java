package paragent.analyzer.model;

/**
 * One OpenCL kernel's launches and the transfers that fed them. Immutable.
 *
 * <p>Transfers are attributed to launches in host enqueue order: every transfer enqueued since
 * the previous launch of any kernel belongs to the next launch; transfers after the last launch
 * (its results' read-back) belong to that last launch.
 *
 * @param kernelName the kernel's function name
 * @param launches how many times it was enqueued
 * @param kernelSeconds its summed device time ({@code end − start})
 * @param bytesMovedAround bytes of the transfers attributed to its launches
 * @param transferSeconds device time of those transfers
 * @param site where it is enqueued most often, {@code pkg.Class.method(File.java:line)}; null when unknown
 */
public record GpuKernelStats(String kernelName, long launches, double kernelSeconds, long bytesMovedAround,
                             double transferSeconds, String site) {

    /** @return the transfer bytes per launch; 0 without launches */
    public long bytesPerLaunch() {
        return launches > 0 ? bytesMovedAround / launches : 0;
    }
}
