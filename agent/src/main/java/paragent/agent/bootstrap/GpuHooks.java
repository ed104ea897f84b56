package paragent.agent.bootstrap;

/**
 * Called by the advice woven into the application's {@code org.jocl.CL}: queue creation (forced
 * profiling), the buffer transfers and kernel launches, {@code clFinish} and
 * {@code clWaitForEvents}; forwards to the installed {@link GpuSink}. JOCL's objects are passed as
 * {@code Object}: this class, loaded by the boot loader, sees only JDK types. Called concurrently
 * from application threads; never throws.
 */
public final class GpuHooks {

    private static volatile GpuSink sink;

    private GpuHooks() {
    }

    /** Starts delivering OpenCL calls to {@code newSink}; null stops it. */
    public static void install(GpuSink newSink) {
        sink = newSink;
    }

    /** Whether a sink is installed: queues created now get profiling enabled. */
    public static boolean recording() {
        return sink != null;
    }

    /** The properties {@code clCreateCommandQueueWithProperties} is to use; {@code properties} on failure. */
    public static Object withProfiling(Class<?> cl, Object properties) {
        try {
            GpuSink current = sink;
            return current != null ? current.withProfiling(cl, properties) : properties;
        } catch (Throwable t) {
            HookFailures.report("OpenCL queue profiling", t);
            return properties;
        }
    }

    /**
     * Entry of an enqueue, {@code clFinish} or {@code clWaitForEvents}: the call's token, or null
     * when not recording. When it is non-null and {@code ownEvent}, the advice passes a new
     * {@code cl_event} in place of the program's null.
     */
    public static Object callBegin(boolean blocks, boolean ownEvent) {
        try {
            GpuSink current = sink;
            return current != null ? current.callBegin(blocks, ownEvent) : null;
        } catch (Throwable t) {
            HookFailures.report("OpenCL recording", t);
            return null;
        }
    }

    /** Exit of a buffer write, read, copy, fill or map whose entry returned {@code call} (non-null). */
    public static void transferEnqueued(Object call, Class<?> cl, String method, Object queue, Object event,
            long bytes, boolean blocking, boolean succeeded) {
        try {
            GpuSink current = sink;
            if (current != null) {
                current.transferEnqueued(call, cl, method, queue, event, bytes, blocking, succeeded);
            }
        } catch (Throwable t) {
            HookFailures.report("OpenCL recording", t);
        }
    }

    /** Exit of {@code clEnqueueNDRangeKernel} whose entry returned {@code call} (non-null). */
    public static void kernelEnqueued(Object call, Class<?> cl, Object queue, Object event, Object kernel,
            int workDim, long[] globalWorkSize, boolean succeeded) {
        try {
            GpuSink current = sink;
            if (current != null) {
                current.kernelEnqueued(call, cl, queue, event, kernel, workDim, globalWorkSize, succeeded);
            }
        } catch (Throwable t) {
            HookFailures.report("OpenCL recording", t);
        }
    }

    /** Exit of {@code clFinish} whose entry returned {@code call} (non-null). */
    public static void finished(Object call, Class<?> cl, Object queue, boolean succeeded) {
        try {
            GpuSink current = sink;
            if (current != null) {
                current.finished(call, cl, queue, succeeded);
            }
        } catch (Throwable t) {
            HookFailures.report("OpenCL recording", t);
        }
    }

    /** Exit of {@code clWaitForEvents} whose entry returned {@code call} (non-null). */
    public static void eventsWaited(Object call, Class<?> cl, Object[] events, boolean succeeded) {
        try {
            GpuSink current = sink;
            if (current != null) {
                current.eventsWaited(call, cl, events, succeeded);
            }
        } catch (Throwable t) {
            HookFailures.report("OpenCL recording", t);
        }
    }
}
