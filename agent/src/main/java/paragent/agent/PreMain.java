package paragent.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;
import paragent.agent.internal.BootstrapInjector;
import paragent.agent.internal.Log;

/**
 * The agent's entry points. Parses the options, puts the bootstrap classes in place and hands
 * over to {@link Agent}; nothing else. Never throws: whatever fails becomes one line on stderr and
 * the application runs on, unprofiled.
 */
public final class PreMain {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private PreMain() {
    }

    /** Called by {@code -javaagent:paragent.jar[=options]} before the application's main. */
    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    /** Called when the agent is attached to a running JVM. */
    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        try {
            AgentOptions options = AgentOptions.parse(args);
            for (String error : options.errors()) {
                Log.line(error + "; the program runs with the other options");
            }
            if (!STARTED.compareAndSet(false, true)) {
                Log.line("the agent is already running in this JVM; ignoring the second -javaagent");
                return;
            }
            // ByteBuddy reads its (relocated) safe-mode property; set, it avoids sun.misc.Unsafe
            // warnings on JDK 25. Shade rewrites this literal to the relocated name.
            if (System.getProperty("net.bytebuddy.safe") == null) {
                System.setProperty("net.bytebuddy.safe", "true");
            }
            BootstrapInjector.inject(inst);
            // Loaded only now, so that nothing it links against is loaded before the bootstrap
            // classes exist.
            Class.forName("paragent.agent.Agent")
                    .getMethod("start", AgentOptions.class, Instrumentation.class, boolean.class)
                    .invoke(null, options, inst, attached);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Log.failure("could not start the agent", e.getCause());
        } catch (Throwable t) {
            Log.failure("could not start the agent", t);
        }
    }
}
