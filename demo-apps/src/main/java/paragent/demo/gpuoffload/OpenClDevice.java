package paragent.demo.gpuoffload;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_PLATFORM_NOT_FOUND_KHR;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseProgram;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;
import paragent.demo.DemoUnavailableException;

/**
 * The OpenCL device the demo runs on: the first device of the first platform that has one, a
 * context on it and the demo's program built for it. {@link #close} releases the program and the
 * context; the queues, kernels and buffers made here belong to the caller, who releases them first.
 *
 * <p>The first touch of {@link CL} turns on JOCL's exceptions, so every failing OpenCL call throws
 * a {@link CLException}. A machine without OpenCL ends in a {@link DemoUnavailableException}
 * carrying {@link GpuOffloadDemo#NO_OPENCL}: JOCL's static initializer throws a
 * {@link LinkageError} when no {@code libOpenCL.so} loads, and an ICD loader without an ICD
 * answers {@code CL_PLATFORM_NOT_FOUND_KHR}. Thread-safe as OpenCL contexts are: any thread may
 * create queues, kernels and buffers concurrently.
 */
final class OpenClDevice implements AutoCloseable {

    /**
     * {@code y ← a·x + y}, one element per work item. With {@code a} a power of two the product is
     * exact, so a device that fuses the multiply and add rounds exactly as Java's float arithmetic.
     */
    static final String PROGRAM_SOURCE = "__kernel void " + GpuOffloadDemo.KERNEL_NAME
            + "(const float a, __global const float *x, __global float *y) {\n"
            + "    size_t i = get_global_id(0);\n"
            + "    y[i] = a * x[i] + y[i];\n"
            + "}\n";

    /** A platform and one of its devices. */
    private record Selection(cl_platform_id platform, cl_device_id device) {
    }

    private final cl_device_id device;
    private final cl_context context;
    private final cl_program program;

    private OpenClDevice(cl_device_id device, cl_context context, cl_program program) {
        this.device = device;
        this.context = context;
        this.program = program;
    }

    /**
     * Opens the first device and builds the program on it.
     *
     * @throws DemoUnavailableException when this machine has no OpenCL platform with a device
     */
    static OpenClDevice open() {
        Selection selection = firstDevice();
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, selection.platform);
        cl_device_id[] devices = {selection.device};
        cl_context context = clCreateContext(properties, 1, devices, null, null, null);
        try {
            return new OpenClDevice(selection.device, context, build(context, devices));
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
    }

    /**
     * Checks that a device is there without creating anything on it.
     *
     * @throws DemoUnavailableException when this machine has no OpenCL platform with a device
     */
    static void requireDevice() {
        firstDevice();
    }

    /** A new in-order queue on the device, without profiling (a profiler may add it). */
    cl_command_queue newQueue() {
        return clCreateCommandQueueWithProperties(context, device, new cl_queue_properties(), null);
    }

    /** A new kernel object for one thread: kernel arguments are per object, not thread-safe. */
    cl_kernel newKernel() {
        return clCreateKernel(program, GpuOffloadDemo.KERNEL_NAME, null);
    }

    /** A new device buffer of {@code bytes} with the given {@code CL_MEM_*} flags. */
    cl_mem newBuffer(long flags, long bytes) {
        return clCreateBuffer(context, flags, bytes, null, null);
    }

    @Override
    public void close() {
        try {
            clReleaseProgram(program);
        } finally {
            clReleaseContext(context);
        }
    }

    private static cl_program build(cl_context context, cl_device_id[] devices) {
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {PROGRAM_SOURCE}, null, null);
        try {
            clBuildProgram(program, devices.length, devices, null, null, null);
            return program;
        } catch (RuntimeException e) {
            clReleaseProgram(program);
            throw e;
        }
    }

    private static Selection firstDevice() {
        try {
            CL.setExceptionsEnabled(true);
            for (cl_platform_id platform : platforms()) {
                cl_device_id[] devices = devicesOf(platform);
                if (devices.length > 0) {
                    return new Selection(platform, devices[0]);
                }
            }
        } catch (LinkageError e) {
            throw new DemoUnavailableException(GpuOffloadDemo.NO_OPENCL, e);
        } catch (CLException e) {
            if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                throw new DemoUnavailableException(GpuOffloadDemo.NO_OPENCL, e);
            }
            throw e;
        }
        throw new DemoUnavailableException(GpuOffloadDemo.NO_OPENCL, null);
    }

    private static cl_platform_id[] platforms() {
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (count[0] > 0) {
            clGetPlatformIDs(count[0], platforms, null);
        }
        return platforms;
    }

    private static cl_device_id[] devicesOf(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                return new cl_device_id[0];
            }
            throw e;
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        if (count[0] > 0) {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count[0], devices, null);
        }
        return devices;
    }
}
