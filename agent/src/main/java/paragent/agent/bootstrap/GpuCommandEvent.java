package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One OpenCL command enqueued through the application's JOCL, with the device's own profiling
 * times. Its time stamp is the enqueue (begun and ended there); it is committed later, when the
 * agent reads the command's profiling info, by the thread that reached that point (the one
 * calling {@code clFinish}, {@code clWaitForEvents} or a blocking read or write), whose stack it
 * carries. Instances are confined to the agent's pending list of one queue until committed.
 */
@Name("paragent.GpuCommand")
@Label("GPU Command")
@Description("One profiled OpenCL command: a transfer, fill, map or kernel launch")
@Category({"paragent", "GPU"})
@StackTrace(true)
public final class GpuCommandEvent extends jdk.jfr.Event {

    @Label("Queue Id")
    @Description("The agent's id of the command queue")
    public long queueId;

    @Label("Kind")
    @Description("write, read, copy, fill, map or kernel")
    public String kind;

    @Label("Kernel Name")
    @Description("For kernels, the kernel's function name; else null")
    public String kernelName;

    @Label("Bytes")
    @Description("Bytes transferred; 0 for kernels")
    @DataAmount
    public long bytes;

    @Label("Global Size")
    @Description("For kernels, the product of the global work sizes; else 0")
    public long globalSize;

    @Label("Blocking")
    @Description("A blocking read or write")
    public boolean blocking;

    @Label("Queued")
    @Description("CL_PROFILING_COMMAND_QUEUED, device clock")
    @Timespan(Timespan.NANOSECONDS)
    public long queuedNanos;

    @Label("Submitted")
    @Description("CL_PROFILING_COMMAND_SUBMIT, device clock")
    @Timespan(Timespan.NANOSECONDS)
    public long submitNanos;

    @Label("Started")
    @Description("CL_PROFILING_COMMAND_START, device clock")
    @Timespan(Timespan.NANOSECONDS)
    public long startNanos;

    @Label("Ended")
    @Description("CL_PROFILING_COMMAND_END, device clock")
    @Timespan(Timespan.NANOSECONDS)
    public long endNanos;

    @Label("Host Enqueue Time")
    @Description("System.nanoTime() when the enqueue call returned")
    @Timespan(Timespan.NANOSECONDS)
    public long hostEnqueueNanos;
}
