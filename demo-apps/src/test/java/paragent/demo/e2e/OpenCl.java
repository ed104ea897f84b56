package paragent.demo.e2e;

import org.junit.jupiter.api.Assumptions;
import paragent.demo.DemoUnavailableException;
import paragent.demo.gpuoffload.GpuOffloadDemo;

/**
 * The rule for tests that need OpenCL: without an OpenCL platform they are skipped with a message
 * saying what to install, except under {@code CI=true}, where the CI script installs PoCL and a
 * missing platform is a failure. Stateless.
 */
public final class OpenCl {

    /** The Debian packages that give a CPU OpenCL device and the unversioned {@code libOpenCL.so}. */
    public static final String PACKAGES = "pocl-opencl-icd ocl-icd-opencl-dev";

    private OpenCl() {
    }

    /**
     * Returns when this machine has an OpenCL platform with a device; otherwise aborts the calling
     * test, or fails it under {@code CI=true}.
     */
    public static void requireOrSkip() {
        try {
            GpuOffloadDemo.requireOpenCl();
        } catch (DemoUnavailableException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true and " + e.getMessage() + " (install " + PACKAGES + ")", e);
            }
            Assumptions.abort("no OpenCL platform; install " + PACKAGES + " to run this test");
        }
    }
}
