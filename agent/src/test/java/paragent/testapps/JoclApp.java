package paragent.testapps;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_QUEUE_PROPERTIES;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_queue_properties;

/**
 * An OpenCL program through JOCL on the first platform's first device. On a queue created
 * without profiling: one blocking write from a Java array and one non-blocking write from a
 * direct buffer, a vector add once with an event of its own (waited for, then released) and
 * {@value #LAUNCHES} times without, {@code clFinish}, one blocking read into a direct buffer, and
 * a check of the sums. On a queue created with empty properties: one non-blocking write and
 * {@code clFinish}. On its own profiling queue: one write and {@value #PAIRS} launches with
 * events of its own, alternating with launches on a fourth queue created without profiling; it
 * prints the profiled start and end of its own events on lines starting {@code profile } (they
 * differ from run to run; every other line does not). Exits 2 with one line on stderr when
 * there is no OpenCL.
 */
public final class JoclApp {

    static final int ELEMENTS = 1 << 20;
    static final int LAUNCHES = 20;
    static final int PAIRS = 100;
    static final String KERNEL = "vectorAdd";
    private static final String SOURCE = "__kernel void vectorAdd(__global const float *a,"
            + " __global const float *b, __global float *c) { int i = get_global_id(0); c[i] = a[i] + b[i]; }";
    private static final long BYTES = (long) ELEMENTS * Sizeof.cl_float;

    private long wrote;
    private long read;
    private int launches;

    private JoclApp() {
    }

    public static void main(String[] args) {
        cl_device_id device;
        cl_context context;
        try {
            CL.setExceptionsEnabled(true);
            cl_platform_id[] platforms = new cl_platform_id[1];
            clGetPlatformIDs(1, platforms, null);
            cl_device_id[] devices = new cl_device_id[1];
            clGetDeviceIDs(platforms[0], CL.CL_DEVICE_TYPE_ALL, 1, devices, null);
            device = devices[0];
            context = clCreateContext(null, 1, devices, null, null, null);
        } catch (LinkageError | CLException e) {
            System.err.println("no OpenCL platform: " + e);
            System.exit(2);
            return;
        }
        new JoclApp().run(context, device);
        clReleaseContext(context);
    }

    private void run(cl_context context, cl_device_id device) {
        cl_kernel kernel = buildKernel(context, device);
        cl_mem a = clCreateBuffer(context, CL_MEM_READ_WRITE, BYTES, null, null);
        cl_mem b = clCreateBuffer(context, CL_MEM_READ_WRITE, BYTES, null, null);
        cl_mem c = clCreateBuffer(context, CL_MEM_READ_WRITE, BYTES, null, null);
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(a));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(b));
        clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(c));
        float[] left = new float[ELEMENTS];
        FloatBuffer right = direct(ELEMENTS);
        for (int i = 0; i < ELEMENTS; i++) {
            left[i] = i;
            right.put(i, 2f * i);
        }

        cl_command_queue queue = clCreateCommandQueue(context, device, 0, null);
        compute(queue, kernel, a, b, c, left, right);
        clReleaseCommandQueue(queue);

        cl_command_queue plain = clCreateCommandQueueWithProperties(context, device, new cl_queue_properties(), null);
        clEnqueueWriteBuffer(plain, b, false, 0, BYTES, Pointer.to(right), 0, null, null);
        wrote += BYTES;
        clFinish(plain);
        clReleaseCommandQueue(plain);

        profileOwn(context, device, kernel, a, right);

        System.out.println("wrote=" + wrote);
        System.out.println("read=" + read);
        System.out.println("launches=" + launches);
        clReleaseMemObject(a);
        clReleaseMemObject(b);
        clReleaseMemObject(c);
        clReleaseKernel(kernel);
    }

    private static cl_kernel buildKernel(cl_context context, cl_device_id device) {
        org.jocl.cl_program program = clCreateProgramWithSource(context, 1, new String[] {SOURCE}, null, null);
        clBuildProgram(program, 1, new cl_device_id[] {device}, null, null, null);
        cl_kernel kernel = clCreateKernel(program, KERNEL, null);
        clReleaseProgram(program);
        return kernel;
    }

    private void compute(cl_command_queue queue, cl_kernel kernel, cl_mem a, cl_mem b, cl_mem c, float[] left,
            FloatBuffer right) {
        clEnqueueWriteBuffer(queue, a, true, 0, BYTES, Pointer.to(left), 0, null, null);
        clEnqueueWriteBuffer(queue, b, false, 0, BYTES, Pointer.to(right), 0, null, null);
        wrote += 2 * BYTES;

        cl_event own = new cl_event();
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {ELEMENTS}, null, 0, null, own);
        clWaitForEvents(1, new cl_event[] {own});
        clReleaseEvent(own);
        launches++;
        for (int i = 0; i < LAUNCHES; i++) {
            clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {ELEMENTS}, null, 0, null, null);
            launches++;
        }
        clFinish(queue);

        FloatBuffer sums = direct(ELEMENTS);
        clEnqueueReadBuffer(queue, c, true, 0, BYTES, Pointer.to(sums), 0, null, null);
        read += BYTES;
        int wrong = 0;
        for (int i = 0; i < ELEMENTS; i++) {
            if (sums.get(i) != 3f * i) {
                wrong++;
            }
        }
        System.out.println("wrong sums=" + wrong);
    }

    /**
     * Times one write on a profiling queue of its own with an event of its own; then launches
     * {@value #PAIRS} times alternately on a queue created without profiling (no event) and on
     * its own queue (its own event), each launch waited for by {@code clFinish}, so that both
     * queues see the same conditions.
     */
    private void profileOwn(cl_context context, cl_device_id device, cl_kernel kernel, cl_mem a, FloatBuffer right) {
        cl_queue_properties properties = new cl_queue_properties();
        properties.addProperty(CL_QUEUE_PROPERTIES, CL_QUEUE_PROFILING_ENABLE);
        cl_command_queue profiled = clCreateCommandQueueWithProperties(context, device, properties, null);
        cl_command_queue twin = clCreateCommandQueue(context, device, 0, null);
        cl_event write = new cl_event();
        clEnqueueWriteBuffer(profiled, a, false, 0, BYTES, Pointer.to(right), 0, null, write);
        wrote += BYTES;
        clWaitForEvents(1, new cl_event[] {write});
        printProfile("write", write);
        clReleaseEvent(write);
        long[] kernelNanos = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            // Which queue goes first alternates: the first launch after host work runs slower.
            if (i % 2 == 0) {
                launchOnTwin(twin, kernel);
            }
            cl_event launch = new cl_event();
            clEnqueueNDRangeKernel(profiled, kernel, 1, null, new long[] {ELEMENTS}, null, 0, null, launch);
            clFinish(profiled);
            if (i % 2 == 1) {
                launchOnTwin(twin, kernel);
            }
            kernelNanos[i] = printProfile("kernel", launch);
            clReleaseEvent(launch);
            launches += 2;
        }
        clReleaseCommandQueue(twin);
        clReleaseCommandQueue(profiled);
        System.out.println("profile median kernel=" + median(kernelNanos));
    }

    private static void launchOnTwin(cl_command_queue twin, cl_kernel kernel) {
        clEnqueueNDRangeKernel(twin, kernel, 1, null, new long[] {ELEMENTS}, null, 0, null, null);
        clFinish(twin);
    }

    private static long printProfile(String kind, cl_event event) {
        long start = profilingInfo(event, CL_PROFILING_COMMAND_START);
        long end = profilingInfo(event, CL_PROFILING_COMMAND_END);
        System.out.println("profile " + kind + " start=" + start + " end=" + end);
        return end - start;
    }

    private static long profilingInfo(cl_event event, int name) {
        long[] value = new long[1];
        clGetEventProfilingInfo(event, name, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Sizeof.cl_float).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
