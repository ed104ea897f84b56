package paragent.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import paragent.agent.Agent;
import paragent.agent.PreMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attach PID [options]}: loads the agent into a running JVM through the Attach API, with
 * the agent's usual options; {@code attach PID stop}: makes that agent end its recording, write its
 * reports and remove its instrumentation, while the program runs on. Reads the agent's state from
 * the target's {@link Agent#STATE_PROPERTY} first, so that a second attach or a stop without an
 * agent gets one clear line instead of a second agent. A JVM is recorded at most once: the reports
 * of a second recording would overwrite the first's, and the agent's bootstrap classes stay.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Attach the agent to a running JVM (its options as for -javaagent), or stop the attached "
                + "agent: it writes its reports and removes its instrumentation, the program runs on.")
final class AttachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PID", description = "The process id of the JVM.")
    private long pid;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OPTIONS|stop",
            description = "The agent's options (out=DIR,json,...), or 'stop' to end the recording and detach.")
    private String options = "";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            err.println("paragent: cannot attach to process " + pid + ": " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        try {
            return PreMain.STOP.equals(options) ? stop(vm) : start(vm);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            err.println("paragent: could not load the agent into process " + pid + ": " + e);
            return Main.EXIT_FAILED;
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // The target has exited: nothing left to detach from.
            }
        }
    }

    private int start(VirtualMachine vm) throws IOException, AgentLoadException, AgentInitializationException {
        String state = state(vm);
        if (state.startsWith(Agent.RECORDING)) {
            return failed("process " + pid + " is already recorded by paragent (reports to " + directory(state)
                    + "); end that recording with 'attach " + pid + " stop'");
        }
        if (state.startsWith(Agent.STOPPED)) {
            return failed("process " + pid + " was recorded by paragent already (reports in " + directory(state)
                    + "); a JVM is recorded once: restart the program to record it again");
        }
        vm.loadAgent(agentJar(), options);
        String started = state(vm);
        if (!started.startsWith(Agent.RECORDING)) {
            return failed("the agent did not start in process " + pid + "; that program's stderr says why");
        }
        spec.commandLine().getOut().println("paragent: recording process " + pid + "; the reports go to "
                + directory(started) + " when it exits or on 'attach " + pid + " stop'");
        return 0;
    }

    private int stop(VirtualMachine vm) throws IOException, AgentLoadException, AgentInitializationException {
        if (!state(vm).startsWith(Agent.RECORDING)) {
            return failed("paragent is not recording process " + pid + ": nothing to stop");
        }
        vm.loadAgent(agentJar(), PreMain.STOP);
        String stopped = state(vm);
        if (!stopped.startsWith(Agent.STOPPED)) {
            return failed("the agent in process " + pid + " did not stop; that program's stderr says why");
        }
        spec.commandLine().getOut().println("paragent: stopped recording process " + pid + "; its reports are in "
                + directory(stopped));
        return 0;
    }

    private static String state(VirtualMachine vm) throws IOException {
        return vm.getSystemProperties().getProperty(Agent.STATE_PROPERTY, "");
    }

    private static String directory(String state) {
        return state.substring(state.indexOf(' ') + 1);
    }

    private int failed(String message) {
        spec.commandLine().getErr().println("paragent: " + message);
        return Main.EXIT_FAILED;
    }

    /** paragent.jar, the jar this command runs from. */
    private static String agentJar() throws IOException {
        try {
            return Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate paragent.jar", e);
        }
    }
}
