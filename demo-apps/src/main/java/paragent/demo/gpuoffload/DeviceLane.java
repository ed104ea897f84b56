package paragent.demo.gpuoffload;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;

import java.nio.ByteBuffer;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * One host thread's way to the device: its own command queue and kernel object, and the two ways
 * to advance its {@link HostArrays} by {@code steps} steps of {@code y ← a·x + y}.
 *
 * <p>{@link #roundTripEveryStep} is the bottleneck: every step, every block's {@code x} and
 * {@code y} go to the device, one small kernel runs on them and {@code y} comes back.
 * {@link #keepResident} is the fix: the arrays go to the device once, each step is one kernel
 * launch over all the blocks, and {@code y} comes back once. Transfers are blocking reads and
 * writes (the writes followed by {@code clFinish}); a batch of launches ends in {@code clFinish};
 * each is timed on the host into the lane's {@link OffloadMeter}. Blocking, because JOCL keeps the
 * source of every non-blocking write alive with a task on its own thread pool that waits for the
 * write's event: a thread hand-off per transfer that would be a second bottleneck.
 * Device buffers live for one call; {@link #close} releases the kernel and the queue. Not
 * thread-safe: one thread uses a lane.
 */
final class DeviceLane implements AutoCloseable {

    private final OpenClDevice device;
    private final cl_command_queue queue;
    private final cl_kernel kernel;
    private final OffloadMeter meter = new OffloadMeter();

    /** A lane with a new queue and kernel on {@code device}. */
    DeviceLane(OpenClDevice device) {
        this.device = device;
        cl_command_queue newQueue = device.newQueue();
        try {
            this.kernel = device.newKernel();
        } catch (RuntimeException e) {
            clReleaseCommandQueue(newQueue);
            throw e;
        }
        this.queue = newQueue;
    }

    /** What this lane has sent, received and launched so far. */
    OffloadMeter meter() {
        return meter;
    }

    /** The bottleneck: each step copies every block to the device and back around one small launch. */
    void roundTripEveryStep(HostArrays host, int steps) {
        long blockBytes = (long) host.elements() * Float.BYTES;
        cl_mem x = device.newBuffer(CL_MEM_READ_ONLY, blockBytes);
        try {
            cl_mem y = device.newBuffer(CL_MEM_READ_WRITE, blockBytes);
            try {
                bindArguments(x, y);
                for (int step = 0; step < steps; step++) {
                    for (int block = 0; block < host.blocks(); block++) {
                        send(x, host.xBlock(block), y, host.yBlock(block));
                        launch(1, host.elements());
                        receive(y, host.yBlock(block));
                    }
                }
            } finally {
                clReleaseMemObject(y);
            }
        } finally {
            clReleaseMemObject(x);
        }
    }

    /** The fix: the arrays stay on the device; one launch over all blocks per step. */
    void keepResident(HostArrays host, int steps) {
        long bytes = host.x().capacity();
        cl_mem x = device.newBuffer(CL_MEM_READ_ONLY, bytes);
        try {
            cl_mem y = device.newBuffer(CL_MEM_READ_WRITE, bytes);
            try {
                bindArguments(x, y);
                send(x, host.x(), y, host.y());
                launch(steps, (long) host.blocks() * host.elements());
                receive(y, host.y());
            } finally {
                clReleaseMemObject(y);
            }
        } finally {
            clReleaseMemObject(x);
        }
    }

    @Override
    public void close() {
        try {
            clReleaseKernel(kernel);
        } finally {
            clReleaseCommandQueue(queue);
        }
    }

    private void bindArguments(cl_mem x, cl_mem y) {
        clSetKernelArg(kernel, 0, Sizeof.cl_float, Pointer.to(new float[] {GpuOffloadDemo.A}));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(x));
        clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(y));
    }

    private void send(cl_mem x, ByteBuffer xHost, cl_mem y, ByteBuffer yHost) {
        long start = System.nanoTime();
        clEnqueueWriteBuffer(queue, x, CL_TRUE, 0, xHost.capacity(), Pointer.to(xHost), 0, null, null);
        clEnqueueWriteBuffer(queue, y, CL_TRUE, 0, yHost.capacity(), Pointer.to(yHost), 0, null, null);
        clFinish(queue);
        meter.sent((long) xHost.capacity() + yHost.capacity(), System.nanoTime() - start);
    }

    private void launch(int launches, long globalSize) {
        long start = System.nanoTime();
        long[] globalWorkSize = {globalSize};
        for (int i = 0; i < launches; i++) {
            clEnqueueNDRangeKernel(queue, kernel, 1, null, globalWorkSize, null, 0, null, null);
        }
        clFinish(queue);
        meter.ran(launches, System.nanoTime() - start);
    }

    private void receive(cl_mem y, ByteBuffer yHost) {
        long start = System.nanoTime();
        clEnqueueReadBuffer(queue, y, CL_TRUE, 0, yHost.capacity(), Pointer.to(yHost), 0, null, null);
        meter.received(yHost.capacity(), System.nanoTime() - start);
    }
}
