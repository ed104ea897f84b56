package paragent.agent.bootstrap;

/**
 * Receives the OpenCL calls that {@link GpuHooks} sees in the application's own {@code org.jocl.CL}.
 * The agent's GPU aggregator implements it from its own class loader and calls JOCL back through
 * the {@code org.jocl.CL} class passed in ({@code cl}). JOCL objects ({@code cl_command_queue},
 * {@code cl_event}, {@code cl_kernel}, {@code cl_queue_properties}) travel as {@code Object}.
 * Called concurrently from application threads inside their OpenCL calls: implementations must be
 * thread-safe, must never block on application locks and must not throw.
 */
public interface GpuSink {

    /** The properties to create a queue with: {@code properties} (may be null) with profiling enabled. */
    Object withProfiling(Class<?> cl, Object properties);

    /**
     * An enqueue, {@code clFinish} or {@code clWaitForEvents} begins in this thread.
     *
     * @param blocks whether the call blocks the thread on the device (a blocking read or write,
     *     {@code clFinish}, {@code clWaitForEvents})
     * @param ownEvent whether the advice passes an event of its own because the program passed none
     * @return the thread's call token, handed back at the call's end; null to ignore the call
     */
    Object callBegin(boolean blocks, boolean ownEvent);

    /**
     * A write, read, copy, fill or map ({@code method}: the {@code CL} method's name) returned;
     * {@code event} is the command's event (the agent's own when {@link #callBegin} was told so),
     * set only when {@code succeeded}.
     */
    void transferEnqueued(Object call, Class<?> cl, String method, Object queue, Object event, long bytes,
            boolean blocking, boolean succeeded);

    /** A kernel launch returned; as {@link #transferEnqueued}. */
    void kernelEnqueued(Object call, Class<?> cl, Object queue, Object event, Object kernel, int workDim,
            long[] globalWorkSize, boolean succeeded);

    /** {@code clFinish(queue)} returned. */
    void finished(Object call, Class<?> cl, Object queue, boolean succeeded);

    /** {@code clWaitForEvents(events)} returned. */
    void eventsWaited(Object call, Class<?> cl, Object[] events, boolean succeeded);
}
