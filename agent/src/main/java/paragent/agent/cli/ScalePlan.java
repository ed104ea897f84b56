package paragent.agent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runs {@code scale} makes and the command line of each: the repeats interleaved (every count
 * once, then every count again), so that a machine that slows down or speeds up during the
 * measurement affects all counts alike; each run under the agent, recording into a directory of its
 * own. Immutable; thread-safe.
 *
 * @param command the program's command line, {@code {threads}} in at least one argument
 * @param counts the thread counts, in the order given
 * @param repeats runs per count
 * @param agentJar paragent.jar
 * @param agentOptions options for the agent besides {@code out}, {@code jfr} and {@code quiet}; may be empty
 * @param outDir the directory that holds the runs' directories
 */
record ScalePlan(List<String> command, List<Integer> counts, int repeats, Path agentJar, String agentOptions,
                 Path outDir) {

    /** The placeholder in the command that each run replaces with its thread count. */
    static final String THREADS_PLACEHOLDER = "{threads}";
    /** Where a program not started as {@code java ...} gets the agent. */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    ScalePlan {
        command = List.copyOf(command);
        counts = List.copyOf(counts);
    }

    /**
     * One run of the plan.
     *
     * @param threads the thread count
     * @param repeat 1-based
     * @param dir where its recordings, stdout.txt and stderr.txt go
     */
    record Run(int threads, int repeat, Path dir) {

        /** @return the run's name, its directory's: {@code t<N>-r<R>} */
        String name() {
            return dir.getFileName().toString();
        }
    }

    /**
     * A process to start.
     *
     * @param argv the command line
     * @param environment variables to set on top of the inherited ones
     */
    record Launch(List<String> argv, Map<String, String> environment) {
    }

    /** @return the runs in the order they are made: for each repeat, every count */
    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            for (int threads : counts) {
                runs.add(new Run(threads, repeat, outDir.resolve("t" + threads + "-r" + repeat)));
            }
        }
        return runs;
    }

    /**
     * @param run one of {@link #runs()}
     * @param inheritedToolOptions the current {@code JAVA_TOOL_OPTIONS}, or null
     * @return the command with {@code {threads}} replaced, and the agent: as the first argument
     *     when the program is {@code java} itself, else appended to {@code JAVA_TOOL_OPTIONS}
     */
    Launch launch(Run run, String inheritedToolOptions) {
        List<String> argv = new ArrayList<>();
        for (String argument : command) {
            argv.add(argument.replace(THREADS_PLACEHOLDER, Integer.toString(run.threads())));
        }
        String javaAgent = "-javaagent:" + agentJar.toAbsolutePath() + "=" + agentOptions(run);
        if (startsJava(argv.get(0))) {
            argv.add(1, javaAgent);
            return new Launch(argv, Map.of());
        }
        String quoted = javaAgent.chars().anyMatch(Character::isWhitespace) ? "\"" + javaAgent + "\"" : javaAgent;
        String toolOptions = inheritedToolOptions == null || inheritedToolOptions.isBlank() ? quoted
                : inheritedToolOptions + " " + quoted;
        return new Launch(argv, Map.of(JAVA_TOOL_OPTIONS, toolOptions));
    }

    private String agentOptions(Run run) {
        String own = "out=" + run.dir().toAbsolutePath() + ",jfr,quiet";
        return agentOptions.isEmpty() ? own : own + "," + agentOptions;
    }

    /** @return whether the program's file name is {@code java} or {@code java.exe} */
    static boolean startsJava(String program) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return name.equals("java") || name.equals("java.exe");
    }
}
