package paragent.gpu.probe;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_MAP_READ;
import static org.jocl.CL.CL_MAP_WRITE;
import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_QUEUED;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_PROFILING_COMMAND_SUBMIT;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_TRUE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * One device's context and in-order profiling queue, with timed commands. Every OpenCL object made
 * through it (buffers, mappings, programs, kernels, events) is released by the time {@link #close()}
 * returns. Not thread-safe: one thread drives a session.
 */
final class ClSession implements AutoCloseable {

    /**
     * A profiled command: the device's {@code CL_PROFILING_COMMAND_*} times (ns, device clock) and
     * the host wall time from the enqueue call to completion.
     */
    record Timing(long queuedNanos, long submitNanos, long startNanos, long endNanos, long hostNanos) {

        double deviceSeconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double queueSeconds() {
            return (startNanos - queuedNanos) / 1e9;
        }

        double hostSeconds() {
            return hostNanos / 1e9;
        }
    }

    private final cl_device_id device;
    private final cl_context context;
    private final cl_command_queue queue;
    /** Release actions in creation order; run last first. */
    private final Deque<Runnable> releases = new ArrayDeque<>();

    @SuppressWarnings("deprecation") // clCreateCommandQueue: the one call OpenCL 1.2 drivers have as well
    ClSession(cl_platform_id platform, cl_device_id device) {
        this.device = device;
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform);
        this.context = CL.clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
        releases.push(() -> CL.clReleaseContext(context));
        this.queue = CL.clCreateCommandQueue(context, device, CL_QUEUE_PROFILING_ENABLE, null);
        releases.push(() -> CL.clReleaseCommandQueue(queue));
    }

    /** @return a device buffer released with the session */
    cl_mem buffer(long flags, long bytes) {
        cl_mem mem = CL.clCreateBuffer(context, flags, bytes, null, null);
        releases.push(() -> CL.clReleaseMemObject(mem));
        return mem;
    }

    /** @return the host view of a buffer, mapped for reading and writing, unmapped when the session closes */
    ByteBuffer map(cl_mem mem, long bytes) {
        ByteBuffer mapped = CL.clEnqueueMapBuffer(queue, mem, CL_TRUE, CL_MAP_READ | CL_MAP_WRITE, 0, bytes, 0, null,
                null, null).order(ByteOrder.nativeOrder());
        releases.push(() -> {
            CL.clEnqueueUnmapMemObject(queue, mem, mapped, 0, null, null);
            CL.clFinish(queue);
        });
        return mapped;
    }

    /** @return the program's kernels' holder, built for this device; released with the session */
    cl_program program(String source) {
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        releases.push(() -> CL.clReleaseProgram(program));
        CL.clBuildProgram(program, 1, new cl_device_id[] {device}, null, null, null);
        return program;
    }

    cl_kernel kernel(cl_program program, String name) {
        cl_kernel kernel = CL.clCreateKernel(program, name, null);
        releases.push(() -> CL.clReleaseKernel(kernel));
        return kernel;
    }

    /** Enqueues a write and waits for it; {@code host} must be a direct buffer or a mapping. */
    Timing write(cl_mem mem, ByteBuffer host, long bytes) {
        cl_event event = new cl_event();
        long begin = System.nanoTime();
        CL.clEnqueueWriteBuffer(queue, mem, CL_TRUE, 0, bytes, Pointer.to(host), 0, null, event);
        return completed(begin, event)[0];
    }

    /** Enqueues a read and waits for it. */
    Timing read(cl_mem mem, ByteBuffer host, long bytes) {
        cl_event event = new cl_event();
        long begin = System.nanoTime();
        CL.clEnqueueReadBuffer(queue, mem, CL_TRUE, 0, bytes, Pointer.to(host), 0, null, event);
        return completed(begin, event)[0];
    }

    /** Enqueues a one-dimensional launch and waits for it; the arguments must be set. */
    Timing launch(cl_kernel kernel, long globalSize) {
        cl_event event = new cl_event();
        long begin = System.nanoTime();
        CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {globalSize}, null, 0, null, event);
        return completed(begin, event)[0];
    }

    /**
     * Copy in, launch, copy out, the way a program offloads work: non-blocking writes (which JOCL
     * allows only from direct buffers), the launch, a blocking read.
     *
     * @return the copies' and the kernel's timings in enqueue order, each with the host wall time of
     *         the whole offload
     */
    Timing[] offload(cl_mem[] inputs, ByteBuffer[] hostInputs, cl_kernel kernel, cl_mem output, ByteBuffer hostOutput,
            long bytes, long globalSize) {
        cl_event[] events = new cl_event[inputs.length + 2];
        for (int i = 0; i < events.length; i++) {
            events[i] = new cl_event();
        }
        long begin = System.nanoTime();
        for (int i = 0; i < inputs.length; i++) {
            CL.clEnqueueWriteBuffer(queue, inputs[i], CL_FALSE, 0, bytes, Pointer.to(hostInputs[i]), 0, null, events[i]);
        }
        CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {globalSize}, null, 0, null, events[inputs.length]);
        CL.clEnqueueReadBuffer(queue, output, CL_TRUE, 0, bytes, Pointer.to(hostOutput), 0, null,
                events[inputs.length + 1]);
        return completed(begin, events);
    }

    static void setArguments(cl_kernel kernel, cl_mem... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(arguments[i]));
        }
    }

    /** Waits for the enqueued events, reads their profiles and releases them. */
    private static Timing[] completed(long beginNanos, cl_event... events) {
        try {
            CL.clWaitForEvents(events.length, events);
            long hostNanos = System.nanoTime() - beginNanos;
            Timing[] timings = new Timing[events.length];
            for (int i = 0; i < events.length; i++) {
                timings[i] = new Timing(profile(events[i], CL_PROFILING_COMMAND_QUEUED),
                        profile(events[i], CL_PROFILING_COMMAND_SUBMIT), profile(events[i], CL_PROFILING_COMMAND_START),
                        profile(events[i], CL_PROFILING_COMMAND_END), hostNanos);
            }
            return timings;
        } finally {
            for (cl_event event : events) {
                CL.clReleaseEvent(event);
            }
        }
    }

    private static long profile(cl_event event, int param) {
        long[] value = new long[1];
        CL.clGetEventProfilingInfo(event, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    /** Releases everything, last made first; the first failure is rethrown after the rest are released. */
    @Override
    public void close() {
        RuntimeException first = null;
        while (!releases.isEmpty()) {
            try {
                releases.pop().run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
