package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A host thread blocked on an OpenCL device: the event thread spent the event's duration in
 * {@code clFinish}, {@code clWaitForEvents} or a blocking {@code clEnqueueReadBuffer} or
 * {@code clEnqueueWriteBuffer}. The agent reuses one instance per thread (begin, end and commit by
 * that thread only).
 */
@Name("paragent.GpuWait")
@Label("GPU Wait")
@Description("A thread blocked on an OpenCL device")
@Category({"paragent", "GPU"})
@StackTrace(true)
public final class GpuWaitEvent extends jdk.jfr.Event {

    @Label("Call")
    @Description("clFinish, clWaitForEvents, clEnqueueReadBuffer or clEnqueueWriteBuffer")
    public String call;

    @Label("Queue Id")
    @Description("The agent's id of the command queue waited on; 0 when not known (clWaitForEvents on events the agent does not follow)")
    public long queueId;
}
