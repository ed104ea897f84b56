package paragent.demo.bench;

import java.util.List;

/**
 * One whole program the harness measures: a name for the report and the arguments that follow
 * {@code java [-javaagent:...]}. Immutable.
 *
 * @param name            the row label in the report
 * @param javaArgs        class path and main class (or {@code -jar}) and the program's own arguments
 * @param printsWallMillis whether the program prints a {@code wallMillis=} figure (the demos do)
 */
record Program(String name, List<String> javaArgs, boolean printsWallMillis) {

    /**
     * The real workloads {@code paragent.demo.bench.workload.WorkloadMain} runs. Named here, not
     * taken from that class: the harness runs without the workloads' libraries on its class path.
     */
    static final List<String> WORKLOADS = List.of("h2", "lucene", "jetty");

    private static final String WORKLOAD_MAIN = "paragent.demo.bench.workload.WorkloadMain";

    Program {
        javaArgs = List.copyOf(javaArgs);
    }

    /** A demo's fixed variant on {@code threads} threads, run from {@code demoJar}. */
    static Program fixedDemo(String demo, String demoJar, int threads) {
        return new Program(demo, List.of("-jar", demoJar, demo, "--threads", Integer.toString(threads),
                "--variant", "fixed"), true);
    }

    /**
     * A demo's bottleneck variant on {@code processes} worker JVMs: its communication-heavy case,
     * where the pipe instrumentation costs most. The workers run without the agent (no
     * {@code children}), so this measures the parent's side.
     */
    static Program processDemo(String demo, String demoJar, int processes) {
        return new Program(demo + " --processes " + processes, List.of("-jar", demoJar, demo, "--processes",
                Integer.toString(processes), "--variant", "bottleneck"), true);
    }

    /**
     * A real open-source workload (one of {@link #WORKLOADS}) on {@code threads} threads, its default
     * units times {@code scale}, from {@code classPath} (the test classes and the workloads' libraries).
     */
    static Program workload(String name, String classPath, int threads, double scale) {
        return new Program(name, List.of("-cp", classPath, WORKLOAD_MAIN, name,
                "--threads", Integer.toString(threads), "--scale", Double.toString(scale)), true);
    }

    /** {@link HelloWorld} from {@code classPath}: start-up and exit cost only. */
    static Program helloWorld(String classPath) {
        return new Program("hello-world", List.of("-cp", classPath, HelloWorld.class.getName()), false);
    }
}
