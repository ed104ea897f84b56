package paragent.gpu.probe;

import java.util.stream.IntStream;

/**
 * The probe's two kernels, each as OpenCL C and as the same work in a parallel Java loop over all
 * the host's cores: {@code c[i] = f(a[i], b[i])} on float arrays. Immutable; thread-safe (the host
 * loops write only their output array).
 */
enum ProbeKernel {

    /** {@code c = a + b}: three memory accesses per addition, limited by memory bandwidth. */
    MEMORY_BOUND("memoryBound", "vectorAdd", "the memory-bound kernel (vector add)", "B/s", 3 * Float.BYTES) {
        @Override
        float element(float a, float b) {
            return a + b;
        }
    },

    /** {@value #FMAS} dependent fused multiply-adds per element: limited by arithmetic. */
    COMPUTE_BOUND("computeBound", "fmaChain", "the compute-bound kernel (" + ProbeKernel.FMAS + " FMAs per element)",
            "FLOP/s", 2 * ProbeKernel.FMAS) {
        @Override
        float element(float a, float b) {
            float x = a;
            for (int k = 0; k < FMAS; k++) {
                x = Math.fma(x, DECAY, b);
            }
            return x;
        }
    };

    /** Fused multiply-adds per element of the compute-bound kernel. */
    static final int FMAS = 64;
    /** Keeps the chain bounded: x converges to b / (1 − DECAY). */
    private static final float DECAY = 0.999f;
    /** Elements per task of the host loop, so tasks outnumber cores without costing more than they run. */
    private static final int CHUNK = 1 << 14;

    static final String OPENCL_SOURCE = String.join("\n",
            "__kernel void empty() {}",
            "__kernel void vectorAdd(__global const float* a, __global const float* b, __global float* c) {",
            "    size_t i = get_global_id(0);",
            "    c[i] = a[i] + b[i];",
            "}",
            "__kernel void fmaChain(__global const float* a, __global const float* b, __global float* c) {",
            "    size_t i = get_global_id(0);",
            "    float x = a[i];",
            "    float y = b[i];",
            "    for (int k = 0; k < " + FMAS + "; k++) {",
            "        x = fma(x, " + DECAY + "f, y);",
            "    }",
            "    c[i] = x;",
            "}");

    final String jsonName;
    final String functionName;
    final String description;
    /** What {@link #workPerElement} counts, per second. */
    final String unit;
    /** Bytes moved (memory-bound) or floating-point operations (compute-bound) per element. */
    final int workPerElement;

    ProbeKernel(String jsonName, String functionName, String description, String unit, int workPerElement) {
        this.jsonName = jsonName;
        this.functionName = functionName;
        this.description = description;
        this.unit = unit;
        this.workPerElement = workPerElement;
    }

    /** The kernel's work on one element, as the host computes it. */
    abstract float element(float a, float b);

    /** {@code c[i] = element(a[i], b[i])} for {@code i < n}, in parallel on the common pool (all cores). */
    void runOnHost(float[] a, float[] b, float[] c, int n) {
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                c[i] = element(a[i], b[i]);
            }
        });
    }
}
