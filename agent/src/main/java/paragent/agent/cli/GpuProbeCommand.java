package paragent.agent.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import paragent.agent.internal.NestedJars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gpu-probe [--device N] [--json F] [-o F.html] [--quick]}: runs the OpenCL probe. JOCL's
 * classes carry JNI natives bound to their names, so they cannot be relocated and must not be loose
 * in paragent.jar, which joins applications' class paths: the probe and JOCL travel as nested jars,
 * are extracted to a temporary directory (deleted afterwards) and run in a class loader of their
 * own whose parent is the platform loader. The probe parses its own options and prints to
 * {@code System.out} and {@code System.err}.
 */
@Command(name = "gpu-probe", mixinStandardHelpOptions = true,
        customSynopsis = "paragent gpu-probe [--device N] [--json FILE] [-o FILE.html] [--quick]",
        description = {"Measure an OpenCL device: copies, kernels and the offload crossover.",
            "Host<->device transfer time and bandwidth by size (pageable and pinned host memory), kernel launch "
                + "latency, a memory-bound and a compute-bound kernel, and the problem size from which offloading "
                + "them beats the host's cores. Exit code 2 with one line when no OpenCL platform is installed."},
        footer = {"Probe options:",
            "  --device N         the device, numbered across platforms as listed",
            "                     (default: the first GPU, else device 0)",
            "  --json FILE        write the measurements as JSON (paragent/gpu-probe@1)",
            "  -o, --output FILE  write a self-contained HTML page with charts",
            "  --quick            4 KiB..16 MiB, 3 repeats (default: up to 256 MiB, 10)"})
final class GpuProbeCommand implements Callable<Integer> {

    /** Where paragent.jar carries the nested jars. */
    static final String RESOURCE_DIR = "/META-INF/paragent/gpu/";
    static final List<String> JARS = List.of("paragent-gpu-probe.jar", "jocl-2.0.5.jar");
    private static final String PROBE_MAIN = "paragent.gpu.probe.ProbeMain";

    @Unmatched
    private List<String> probeArguments = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        Path dir = NestedJars.privateTempDir(null, "paragent-gpu-");
        try {
            List<URL> urls = new ArrayList<>();
            for (String jar : JARS) {
                urls.add(NestedJars.extract(RESOURCE_DIR, jar, dir).toUri().toURL());
            }
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader())) {
                Method run = Class.forName(PROBE_MAIN, true, loader)
                        .getMethod("run", String[].class, java.io.PrintStream.class, java.io.PrintStream.class);
                return (Integer) run.invoke(null, probeArguments.toArray(String[]::new), System.out, System.err);
            } catch (InvocationTargetException e) {
                throw unwrap(e.getCause());
            }
        } finally {
            NestedJars.deleteTree(dir);
        }
    }

    /** @return what the probe threw, so the CLI's handler reports it rather than the reflective wrapper */
    private static Exception unwrap(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return (Exception) thrown;
    }
}
