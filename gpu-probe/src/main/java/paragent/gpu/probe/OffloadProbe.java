package paragent.gpu.probe;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import paragent.gpu.probe.ProbeReport.OffloadPoint;

/**
 * The kernels: launch latency of an empty kernel, and for each {@link ProbeKernel} and size the
 * host's parallel loop against the offload (two operands in, kernel, result out). Every offload's
 * result is compared with the host's, so a broken driver cannot pass for a fast one. Not
 * thread-safe: runs on the session's thread.
 */
final class OffloadProbe {

    /** Empty-kernel launches per measured repeat: each is short, so more of them steady the median. */
    private static final int LAUNCHES_PER_REPEAT = 10;
    /** Allowed relative difference between device and host results (the device may fuse differently). */
    private static final double TOLERANCE = 1e-3;

    private final ClSession session;
    private final cl_program program;
    private final int warmups;
    private final int repeats;

    OffloadProbe(ClSession session, int warmups, int repeats) {
        this.session = session;
        this.program = session.program(ProbeKernel.OPENCL_SOURCE);
        this.warmups = warmups;
        this.repeats = repeats;
    }

    /** @return the median host wall time from enqueueing an empty kernel to its completion */
    double launchLatencySeconds() {
        cl_kernel empty = session.kernel(program, "empty");
        for (int i = 0; i < warmups; i++) {
            session.launch(empty, 1);
        }
        double[] samples = new double[repeats * LAUNCHES_PER_REPEAT];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = session.launch(empty, 1).hostSeconds();
        }
        return Stats.of(samples).medianSeconds();
    }

    /**
     * @param sizes bytes of one operand array, ascending
     * @return one point per size
     * @throws IllegalStateException when the device's result differs from the host's
     */
    List<OffloadPoint> sweep(ProbeKernel probeKernel, List<Long> sizes) {
        long largest = sizes.get(sizes.size() - 1);
        int maxElements = Math.toIntExact(largest / Float.BYTES);
        float[] a = new float[maxElements];
        float[] b = new float[maxElements];
        for (int i = 0; i < maxElements; i++) {
            a[i] = (i % 1000) * 0.001f;
            b[i] = 1 - a[i];
        }
        ByteBuffer[] hostInputs = {direct(a), direct(b)};
        ByteBuffer hostOutput = ByteBuffer.allocateDirect(Math.toIntExact(largest)).order(ByteOrder.nativeOrder());
        cl_mem[] inputs = {session.buffer(CL_MEM_READ_ONLY, largest), session.buffer(CL_MEM_READ_ONLY, largest)};
        cl_mem output = session.buffer(CL_MEM_WRITE_ONLY, largest);
        cl_kernel kernel = session.kernel(program, probeKernel.functionName);
        ClSession.setArguments(kernel, inputs[0], inputs[1], output);
        float[] hostResult = new float[maxElements];
        List<OffloadPoint> points = new ArrayList<>();
        for (long bytes : sizes) {
            int n = Math.toIntExact(bytes / Float.BYTES);
            double hostSeconds = hostSeconds(probeKernel, a, b, hostResult, n);
            double[][] offload = offloadSeconds(inputs, hostInputs, kernel, output, hostOutput, bytes, n);
            check(probeKernel, hostResult, hostOutput.asFloatBuffer(), n);
            points.add(new OffloadPoint(n, bytes, hostSeconds, Stats.of(offload[0]).medianSeconds(),
                    Stats.of(offload[1]).medianSeconds(), Stats.of(offload[2]).medianSeconds()));
        }
        return points;
    }

    private double hostSeconds(ProbeKernel probeKernel, float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < warmups; i++) {
            probeKernel.runOnHost(a, b, c, n);
        }
        double[] samples = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long begin = System.nanoTime();
            probeKernel.runOnHost(a, b, c, n);
            samples[i] = (System.nanoTime() - begin) / 1e9;
        }
        return Stats.of(samples).medianSeconds();
    }

    /** @return per repeat: the offload's host wall time, its copies' and its kernel's device time */
    private double[][] offloadSeconds(cl_mem[] inputs, ByteBuffer[] hostInputs, cl_kernel kernel, cl_mem output,
            ByteBuffer hostOutput, long bytes, int n) {
        for (int i = 0; i < warmups; i++) {
            session.offload(inputs, hostInputs, kernel, output, hostOutput, bytes, n);
        }
        double[][] samples = new double[3][repeats];
        for (int i = 0; i < repeats; i++) {
            ClSession.Timing[] timings = session.offload(inputs, hostInputs, kernel, output, hostOutput, bytes, n);
            ClSession.Timing launch = timings[inputs.length];
            samples[0][i] = launch.hostSeconds();
            double copies = timings[inputs.length + 1].deviceSeconds();
            for (int input = 0; input < inputs.length; input++) {
                copies += timings[input].deviceSeconds();
            }
            samples[1][i] = copies;
            samples[2][i] = launch.deviceSeconds();
        }
        return samples;
    }

    private static void check(ProbeKernel probeKernel, float[] host, FloatBuffer device, int n) {
        for (int i : new int[] {0, n / 2, n - 1}) {
            float expected = host[i];
            float actual = device.get(i);
            if (Math.abs(actual - expected) > TOLERANCE * Math.max(1, Math.abs(expected))) {
                throw new IllegalStateException(String.format("the device computed %s wrongly: element %d is %s, "
                        + "the host's loop gives %s", probeKernel.functionName, i, actual, expected));
            }
        }
    }

    private static ByteBuffer direct(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(values);
        return buffer;
    }
}
