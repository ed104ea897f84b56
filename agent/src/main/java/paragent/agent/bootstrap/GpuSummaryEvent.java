package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The OpenCL commands of one (queue, kind, kernel name) since the previous summary of the triple:
 * every command enqueued is counted, also those beyond the {@code GpuCommand} rate limit and those
 * the agent could not profile, so the counts and bytes summed over the recording are exact. Device
 * times are added when the commands' profiling info is read. Written by the agent's GPU aggregator.
 */
@Name("paragent.GpuSummary")
@Label("GPU Summary")
@Description("OpenCL commands of one queue, kind and kernel since the previous summary")
@Category({"paragent", "GPU"})
@StackTrace(false)
public final class GpuSummaryEvent extends jdk.jfr.Event {

    @Label("Queue Id")
    public long queueId;

    @Label("Kind")
    @Description("write, read, copy, fill, map or kernel")
    public String kind;

    @Label("Kernel Name")
    @Description("For kernels, the kernel's function name; else null")
    public String kernelName;

    @Label("Commands")
    @Description("Commands enqueued in the interval")
    public long commands;

    @Label("Bytes")
    @DataAmount
    public long bytes;

    @Label("Device Time")
    @Description("Sum of end - start of the commands profiled in the interval")
    @Timespan(Timespan.NANOSECONDS)
    public long deviceNanos;

    @Label("Queued Time")
    @Description("Sum of start - queued of the commands profiled in the interval")
    @Timespan(Timespan.NANOSECONDS)
    public long queuedNanos;
}
