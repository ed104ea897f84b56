package paragent.gpu.probe;

/** No OpenCL to probe: no loader library ({@code libOpenCL.so}), or a loader with no platform. */
final class NoOpenClException extends Exception {

    /** The one line the probe prints, on stderr, before it exits with 2. */
    static final String LINE = "paragent: no OpenCL platform found: install a GPU driver's OpenCL ICD, "
            + "or pocl-opencl-icd (and ocl-icd-opencl-dev for libOpenCL.so)";

    NoOpenClException(Throwable cause) {
        super(LINE, cause);
    }
}
