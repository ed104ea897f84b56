package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalePlanTest {

    private static final Path JAR = Path.of("/opt/paragent/paragent.jar");
    private static final Path OUT = Path.of("/tmp/scale-x");

    private static ScalePlan plan(List<String> command, String agentOptions) {
        return new ScalePlan(command, List.of(1, 4, 2), 2, JAR, agentOptions, OUT);
    }

    @Test
    void repeatsAreInterleavedEveryCountThenEveryCountAgain() {
        List<ScalePlan.Run> runs = plan(List.of("java", "{threads}"), "").runs();

        assertThat(runs).extracting(ScalePlan.Run::name)
                .containsExactly("t1-r1", "t4-r1", "t2-r1", "t1-r2", "t4-r2", "t2-r2");
        assertThat(runs.get(1)).isEqualTo(new ScalePlan.Run(4, 1, OUT.resolve("t4-r1")));
    }

    @Test
    void javaGetsTheAgentAsItsFirstArgumentAndEveryPlaceholderItsCount() {
        ScalePlan plan = plan(List.of("/usr/bin/java", "-jar", "app.jar", "--threads", "{threads}", "--name=x{threads}"),
                "children");

        ScalePlan.Launch launch = plan.launch(plan.runs().get(1), "-Xmx1g");

        assertThat(launch.argv()).containsExactly("/usr/bin/java",
                "-javaagent:/opt/paragent/paragent.jar=out=/tmp/scale-x/t4-r1,jfr,quiet,children",
                "-jar", "app.jar", "--threads", "4", "--name=x4");
        assertThat(launch.environment()).isEmpty();
    }

    @Test
    void javaExeIsJavaToo() {
        assertThat(ScalePlan.startsJava("C:\\jdk\\bin\\java.exe")).isTrue();
        assertThat(ScalePlan.startsJava("java")).isTrue();
        assertThat(ScalePlan.startsJava("./javac")).isFalse();
        assertThat(ScalePlan.startsJava("/bin/javaish")).isFalse();
    }

    @Test
    void anotherProgramGetsTheAgentInJavaToolOptionsAfterTheInheritedOnes() {
        ScalePlan plan = plan(List.of("./run.sh", "{threads}"), "");
        ScalePlan.Run first = plan.runs().get(0);

        ScalePlan.Launch inherited = plan.launch(first, "-Xmx1g");
        ScalePlan.Launch alone = plan.launch(first, null);

        assertThat(inherited.argv()).containsExactly("./run.sh", "1");
        assertThat(inherited.environment()).containsExactly(java.util.Map.entry(ScalePlan.JAVA_TOOL_OPTIONS,
                "-Xmx1g -javaagent:/opt/paragent/paragent.jar=out=/tmp/scale-x/t1-r1,jfr,quiet"));
        assertThat(alone.environment()).containsEntry(ScalePlan.JAVA_TOOL_OPTIONS,
                "-javaagent:/opt/paragent/paragent.jar=out=/tmp/scale-x/t1-r1,jfr,quiet");
    }

    @Test
    void aJarPathWithSpacesIsQuotedInJavaToolOptions() {
        ScalePlan plan = new ScalePlan(List.of("gradle", "run", "-Pt={threads}"), List.of(1), 1,
                Path.of("/my tools/paragent.jar"), "", OUT);

        ScalePlan.Launch launch = plan.launch(plan.runs().get(0), "");

        assertThat(launch.environment().get(ScalePlan.JAVA_TOOL_OPTIONS))
                .isEqualTo("\"-javaagent:/my tools/paragent.jar=out=/tmp/scale-x/t1-r1,jfr,quiet\"");
    }
}
