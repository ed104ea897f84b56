package paragent.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildJvmAgentsTest {

    private static final String AGENT = new String("-javaagent:/opt/paragent.jar=jfr,quiet,children,runId=1-2,parentPid=1");

    @AfterEach
    void uninstall() {
        ChildJvmAgents.install(null);
    }

    @Test
    void aJavaCommandGetsTheAgentAsItsFirstArgument() {
        ChildJvmAgents.install(AGENT);
        String[] argv = {"/usr/lib/jvm/bin/java", "-cp", "app.jar", "Main"};
        assertThat(ChildJvmAgents.withAgent(argv)).containsExactly("/usr/lib/jvm/bin/java", AGENT, "-cp", "app.jar", "Main");
        assertThat(argv).as("the program's array is not changed").containsExactly("/usr/lib/jvm/bin/java", "-cp", "app.jar", "Main");
        assertThat(ChildJvmAgents.withAgent(new String[] {"java.exe"})).containsExactly("java.exe", AGENT);
        assertThat(ChildJvmAgents.withAgent(new String[] {"C:\\jdk\\bin\\java.exe", "Main"})).hasSize(3);
    }

    @Test
    void otherProgramsAreLeftAsTheyAre() {
        ChildJvmAgents.install(AGENT);
        String[] sh = {"sh", "-c", "java -version"};
        assertThat(ChildJvmAgents.withAgent(sh)).isSameAs(sh);
        String[] javac = {"/usr/bin/javac", "A.java"};
        assertThat(ChildJvmAgents.withAgent(javac)).isSameAs(javac);
        String[] javaDir = {"/opt/java/bin/javaw", "Main"};
        assertThat(ChildJvmAgents.withAgent(javaDir)).isSameAs(javaDir);
        assertThat(ChildJvmAgents.withAgent(new String[0])).isEmpty();
        assertThat(ChildJvmAgents.withAgent(null)).isNull();
    }

    @Test
    void aCommandThatAlreadyLoadsParagentIsLeftAsItIs() {
        ChildJvmAgents.install(AGENT);
        String[] own = {"java", "-javaagent:/x/paragent.jar=quiet", "Main"};
        assertThat(ChildJvmAgents.withAgent(own)).isSameAs(own);
        String[] bare = {"java", "-javaagent:paragent.jar", "Main"};
        assertThat(ChildJvmAgents.withAgent(bare)).isSameAs(bare);
        String[] other = {"java", "-javaagent:/x/otel.jar", "Main"};
        assertThat(ChildJvmAgents.withAgent(other)).hasSize(4);
    }

    @Test
    void nothingIsInsertedWhileNoArgumentIsInstalled() {
        String[] argv = {"java", "Main"};
        assertThat(ChildJvmAgents.withAgent(argv)).isSameAs(argv);
    }

    @Test
    void theSpawnCommandIsTheOneTheProgramAskedFor() {
        ChildJvmAgents.install(AGENT);
        String[] started = ChildJvmAgents.withAgent(new String[] {"java", "-cp", "x", "Main"});
        assertThat(ProcessSpawns.command(started)).isEqualTo("java -cp x Main");
        assertThat(ProcessSpawns.command(new String[] {"java", new String(AGENT), "Main"}))
                .as("an equal argument the program wrote itself is kept").contains("-javaagent:");
    }
}
