package paragent.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessSpawnsTest {

    @Test
    void commandIsTheArgumentsJoinedWithSpaces() {
        assertThat(ProcessSpawns.command(new String[] {"sh", "-c", "exit 3"})).isEqualTo("sh -c exit 3");
    }

    @Test
    void longCommandsAreCutAtTheLimit() {
        String[] argv = {"echo", "x".repeat(800), "y".repeat(800)};
        String command = ProcessSpawns.command(argv);
        assertThat(command).hasSize(ProcessSpawns.MAX_COMMAND_CHARS).startsWith("echo xxx").endsWith("y");
    }
}
