package paragent.agent.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import paragent.agent.AgentOptions;
import paragent.analyzer.RecordingException;
import paragent.analyzer.render.ScaleReportFiles;
import paragent.analyzer.render.text.ScaleConsoleLine;
import paragent.analyzer.scaling.Scaling;
import paragent.analyzer.scaling.ScalingInput;
import paragent.analyzer.scaling.ScalingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scale --threads 1,2,4 [--repeat R] -- CMD ... {threads} ...}: runs the program under the
 * agent at each thread count and explains the speedup it missed; or {@code scale REC.jfr...} on
 * recordings made elsewhere. Validates everything before the first run; stops at the first failed
 * run without a report.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        customSynopsis = {"paragent scale --threads 1,2,4,8 [--repeat R] [-o FILE.html] [--json FILE.json] "
            + "[--out DIR] [--agent-options OPTS] [--timeout T] -- CMD ... {threads} ...",
            "paragent scale [--threads 1,2,...] [-o FILE.html] [--json FILE.json] REC.jfr..."},
        description = {"Explain why N threads did not give N times the speed.",
            "Runs CMD once per thread count and repeat (interleaved: every count, then every count again), each "
                + "under the agent with {threads} replaced by the count, then splits each count's ideal speedup "
                + "into the speedup achieved and what each cause cost. When CMD starts with java, the agent is "
                + "its first argument; otherwise it goes into JAVA_TOOL_OPTIONS. Each run's recordings, "
                + "stdout.txt and stderr.txt are in DIR/t<N>-r<R>/.",
            "With recordings instead of a command, each recording is one run; its thread count is given by "
                + "--threads (in the same order) or read from its command line (--threads N or -t N), else it "
                + "is the recording's worker-thread count."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the report was written",
            "1:a run failed or timed out (the report is not made), or a recording could not be analyzed",
            "2:bad usage"})
final class ScaleCommand implements Callable<Integer> {

    private static final String END_OF_OPTIONS = "--";

    @Option(names = "--threads", split = ",", paramLabel = "N,N,...",
            description = "The thread counts; must include 1. With recordings: one per recording, in order.")
    private List<Integer> threads = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
            description = "Runs per count, interleaved; the median run is analyzed (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html", defaultValue = "scale.html",
            description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
    private Path html;

    @Option(names = "--json", paramLabel = "FILE.json", defaultValue = "scale.json",
            description = "Where to write the JSON report, paragent/scale@1 (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The directory of the runs' directories (default: a new scale-<timestamp>/).")
    private Path outDir;

    @Option(names = "--agent-options", paramLabel = "OPTS", defaultValue = "",
            description = "More agent options for every run, e.g. children (out, jfr and quiet are set by scale).")
    private String agentOptions;

    @Option(names = "--timeout", paramLabel = "T",
            description = "Kill a run (and its process tree) that takes longer, e.g. 90s or 10m (default: no limit).")
    private String timeout;

    @Parameters(paramLabel = "CMD|REC.jfr", description = "After --: the command. Else: the recordings.")
    private List<String> arguments = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command = command();
        List<ScalingInput> inputs;
        try {
            if (command != null) {
                Duration limit = runTimeout();
                inputs = new ScaleRunner(plan(command), limit, spec.commandLine().getErr()).runAll();
            } else {
                inputs = RecordedRuns.of(recordings(), threads);
            }
        } catch (ScaleRunner.RunFailedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.EXIT_FAILED;
        } catch (RecordingException e) {
            return Main.failed(spec, e);
        }
        return report(command == null ? null : String.join(" ", command), inputs);
    }

    private int report(String command, List<ScalingInput> inputs) {
        try {
            ScalingReport report = Scaling.analyze(command, inputs);
            ScaleReportFiles.write(report, html, json);
            spec.commandLine().getOut().println(ScaleConsoleLine.line(report, html.toAbsolutePath()));
            return 0;
        } catch (RecordingException | IOException e) {
            return Main.failed(spec, e);
        }
    }

    /** @return the arguments after {@code --}, or null when none was given (recordings mode) */
    private List<String> command() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int end = original.indexOf(END_OF_OPTIONS);
        if (end < 0) {
            return null;
        }
        List<String> command = original.subList(end + 1, original.size());
        if (arguments.size() > command.size()) {
            throw usage("recordings and a command after -- cannot be mixed: give one or the other");
        }
        if (command.isEmpty()) {
            throw usage("no command after --: give the program to run, with {threads} where its thread count goes");
        }
        return List.copyOf(command);
    }

    private ScalePlan plan(List<String> command) {
        if (threads.isEmpty()) {
            throw usage("--threads is required to run a command, e.g. --threads 1,2,4");
        }
        requireOneThread();
        if (new HashSet<>(threads).size() < threads.size()) {
            throw usage("--threads lists a count twice: use --repeat to run each count several times");
        }
        if (command.stream().noneMatch(a -> a.contains(ScalePlan.THREADS_PLACEHOLDER))) {
            throw usage("the command has no " + ScalePlan.THREADS_PLACEHOLDER
                    + ": put it where the program takes its thread count, e.g. --threads {threads}");
        }
        if (repeats < 1) {
            throw usage("--repeat must be at least 1, not " + repeats);
        }
        for (String option : agentOptions.split(",")) {
            String key = option.split("=", 2)[0].trim();
            if (key.equals(AgentOptions.OUT)) {
                throw usage("--agent-options must not set out: each run records into its own directory under --out");
            }
        }
        return new ScalePlan(command, threads, repeats, agentJar(), agentOptions.strip(), runsDirectory());
    }

    private List<Path> recordings() {
        for (String runOnly : List.of("--out", "--repeat", "--timeout", "--agent-options")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(runOnly)) {
                throw usage(runOnly + " is for running a command (after --), not for recordings");
            }
        }
        if (arguments.isEmpty()) {
            throw usage("give the command to run after --, or recordings to analyze");
        }
        if (!threads.isEmpty()) {
            if (threads.size() != arguments.size()) {
                throw usage("--threads gives " + threads.size() + " counts for " + arguments.size()
                        + " recordings: give one count per recording, in order");
            }
            requireOneThread();
        }
        return arguments.stream().map(Path::of).toList();
    }

    private void requireOneThread() {
        if (threads.stream().anyMatch(n -> n < 1)) {
            throw usage("--threads must be counts of at least 1, not " + threads);
        }
        if (!threads.contains(1)) {
            throw usage("the speedup needs a 1-thread run: add 1 to --threads");
        }
    }

    private Duration runTimeout() {
        if (timeout == null) {
            return null;
        }
        try {
            Duration limit = AgentOptions.parseDuration("--timeout", timeout);
            if (limit.isZero() || limit.isNegative()) {
                throw usage("--timeout must be greater than zero");
            }
            return limit;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage().replace("option '--timeout'", "--timeout"));
        }
    }

    private Path runsDirectory() {
        if (outDir != null) {
            return outDir;
        }
        return Path.of("scale-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** @return the jar this CLI runs from, which is also the agent */
    private Path agentJar() {
        try {
            Path location = Path.of(ScaleCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // falls through to the message below
        }
        throw usage("scale runs programs under paragent.jar's agent: start it as java -jar paragent.jar scale ...");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
