package paragent.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar paragent.jar <command>}: the CLI. Thin: each command parses its arguments and
 * calls the analyzer. Exit codes: 0 success, 1 the input could not be analyzed or a report not
 * written, 2 bad usage.
 */
@Command(name = "paragent",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Explains lost parallelism in JVM programs. As an agent: java -javaagent:paragent.jar[=options] "
                + "-jar app.jar. As a tool: the commands below.",
        subcommands = {ReportCommand.class, SummaryCommand.class, ScaleCommand.class, CheckCommand.class,
            AttachCommand.class, GpuProbeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** The input could not be read or analyzed, or an output could not be written. */
    static final int EXIT_FAILED = 1;
    /** Unknown command or option, missing argument. */
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Optional<Integer> tuned = TunedJvm.run(args);
        System.exit(tuned.isPresent() ? tuned.get()
                : run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> EXIT_FAILED);
        commandLine.setParameterExceptionHandler((e, a) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("paragent: " + e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("paragent: " + e);
            return EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    /**
     * Prints why an analysis failed (an unreadable recording) or its report could not be written,
     * as one line on the command's stderr.
     *
     * @return {@link #EXIT_FAILED}
     */
    static int failed(CommandLine.Model.CommandSpec spec, Exception e) {
        String why = e instanceof IOException ? "cannot write the report: " + e.getMessage() : e.getMessage();
        spec.commandLine().getErr().println("paragent: " + why);
        return EXIT_FAILED;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paragent " + (version != null ? version : "dev")};
        }
    }
}
