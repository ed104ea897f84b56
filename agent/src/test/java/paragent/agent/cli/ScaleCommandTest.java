package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake is one line on stderr and exit code 2, before anything runs. */
class ScaleCommandTest {

    private static void assertUsage(String expected, String... args) {
        List<String> all = new ArrayList<>(List.of("scale"));
        all.addAll(List.of(args));

        Cli result = Cli.run(all.toArray(String[]::new));

        assertThat(result.exitCode()).as(all.toString()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.stderrLines()).as(all.toString()).singleElement().asString()
                .startsWith("paragent: ").contains(expected).endsWith("(see 'paragent scale --help')");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void runningACommandNeedsThreadsWithOne() {
        assertUsage("--threads is required", "--", "java", "-jar", "app.jar", "{threads}");
        assertUsage("the speedup needs a 1-thread run: add 1 to --threads", "--threads", "2,4", "--", "java", "{threads}");
    }

    @Test
    void theCommandMustSayWhereTheCountGoes() {
        assertUsage("the command has no {threads}", "--threads", "1,2", "--", "java", "-jar", "app.jar");
    }

    @Test
    void badCountsRepeatsTimeoutsAndAgentOptionsAreRefused() {
        assertUsage("use --repeat", "--threads", "1,2,2", "--", "app", "{threads}");
        assertUsage("--threads must be counts of at least 1", "--threads", "0,1", "--", "app", "{threads}");
        assertUsage("--repeat must be at least 1", "--threads", "1", "--repeat", "0", "--", "app", "{threads}");
        assertUsage("--timeout needs a duration", "--threads", "1", "--timeout", "soon", "--", "app", "{threads}");
        assertUsage("--timeout has an unknown unit", "--threads", "1", "--timeout", "3d", "--", "app", "{threads}");
        assertUsage("--agent-options must not set out", "--threads", "1", "--agent-options", "children,out=/x", "--",
                "app", "{threads}");
        assertUsage("Invalid value for option '--threads'", "--threads", "1,two", "--", "app", "{threads}");
    }

    @Test
    void recordingsAndACommandCannotBeMixed() {
        assertUsage("cannot be mixed", "--threads", "1,2", "a.jfr", "--", "app", "{threads}");
        assertUsage("no command after --", "--threads", "1,2", "--");
        assertUsage("give the command to run after --, or recordings", "--threads", "1,2");
    }

    @Test
    void recordingsNeedOneCountEachAndNoRunOptions() {
        assertUsage("--threads gives 3 counts for 2 recordings", "--threads", "1,2,4", "a.jfr", "b.jfr");
        assertUsage("add 1 to --threads", "--threads", "2,4", "a.jfr", "b.jfr");
        assertUsage("--repeat is for running a command", "--repeat", "3", "a.jfr", "b.jfr");
    }

    @Test
    void helpDocumentsBothModesAndTheExitCodes() {
        Cli result = Cli.run("scale", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("-- CMD ... {threads} ...").contains("REC.jfr...")
                .contains("JAVA_TOOL_OPTIONS").contains("Exit codes:").contains("a run failed or timed out");
    }
}
