/**
 * The standalone OpenCL probe behind {@code java -jar paragent.jar gpu-probe}: per device,
 * host-to-device and device-to-host transfer time by size (pageable and pinned host memory), kernel
 * launch latency, the throughput of a memory-bound and a compute-bound kernel, and the problem size
 * from which offloading them beats the host's own cores. The only paragent package that imports
 * {@code org.jocl}; it depends on nothing else than the JDK and JOCL, because paragent.jar loads it
 * from a nested jar in an isolated class loader. Entry point: {@link paragent.gpu.probe.ProbeMain}.
 */
package paragent.gpu.probe;
