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

    /** {@link HelloWorld} from {@code classPath}: start-up and exit cost only. */
    static Program helloWorld(String classPath) {
        return new Program("hello-world", List.of("-cp", classPath, HelloWorld.class.getName()), false);
    }
}
