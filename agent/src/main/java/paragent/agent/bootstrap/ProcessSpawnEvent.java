package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A child process started, or failed to start: the duration is the time inside the JDK's process
 * start ({@code ProcessBuilder.start}, {@code startPipeline}, {@code Runtime.exec}); the stack
 * trace gives the spawn site.
 */
@Name("paragent.ProcessSpawn")
@Label("Process Spawn")
@Description("A child process was started; the duration is the time the start call took")
@Category({"paragent", "Processes"})
public final class ProcessSpawnEvent extends jdk.jfr.Event {

    @Label("Process Id")
    @Description("The child's pid, -1 when the start failed")
    public long pid;

    @Label("Command")
    @Description("The argument vector joined with spaces, at most 1,000 characters")
    public String command;

    @Label("Error")
    @Description("The exception's class and message when the start failed, else null")
    public String error;
}
