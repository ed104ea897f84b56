package paragent.agent;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import paragent.agent.internal.BootstrapInjector;
import paragent.agent.internal.Log;

/**
 * The agent's entry points. Parses the options, puts the bootstrap classes in place and hands
 * over to {@link Agent}; nothing else. Never throws: whatever fails becomes one line on stderr and
 * the application runs on, unprofiled.
 */
public final class PreMain {

    /** The agent argument of {@code agentmain} that stops the running agent (detach). */
    public static final String STOP = "stop";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private PreMain() {
    }

    /** Called by {@code -javaagent:paragent.jar[=options]} before the application's main. */
    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    /**
     * Called when the agent is attached to a running JVM ({@code paragent attach PID [options]});
     * the argument {@value #STOP} stops the running agent instead ({@code paragent attach PID stop}).
     */
    public static void agentmain(String args, Instrumentation inst) {
        if (STOP.equals(args)) {
            stop();
        } else {
            start(args, inst, true);
        }
    }

    private static void stop() {
        if (!STARTED.get()) {
            Log.line("no recording to stop: the agent is not running in this JVM");
            return;
        }
        try {
            Class.forName("paragent.agent.Agent").getMethod("stop").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Log.failure("could not stop the agent", e.getCause());
        } catch (Throwable t) {
            Log.failure("could not stop the agent", t);
        }
    }

    /**
     * Runs {@link BootstrapInjector} in a class loader of its own, so that the export of
     * {@code jdk.internal.misc} it needs goes to that loader's unnamed module, not to the
     * application's (the agent jar shares the application class loader): the application gains
     * no access it did not have.
     */
    private static void injectBootstrapClasses(Instrumentation inst) throws Exception {
        URL agentJar = PreMain.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {agentJar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> injector = Class.forName(BootstrapInjector.class.getName(), true, isolated);
            injector.getMethod("inject", Instrumentation.class).invoke(null, inst);
        }
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        long entryNanos = System.nanoTime();
        try {
            AgentOptions options = AgentOptions.parse(args);
            for (String error : options.errors()) {
                Log.line(error + "; the program runs with the other options");
            }
            if (!STARTED.compareAndSet(false, true)) {
                Log.line("the agent is already running in this JVM; ignoring the second "
                        + (attached ? "attach" : "-javaagent"));
                return;
            }
            // ByteBuddy reads its (relocated) safe-mode property; set, it avoids sun.misc.Unsafe
            // warnings on JDK 25. Shade rewrites this literal to the relocated name.
            if (System.getProperty("net.bytebuddy.safe") == null) {
                System.setProperty("net.bytebuddy.safe", "true");
            }
            injectBootstrapClasses(inst);
            // Loaded only now, so that nothing it links against is loaded before the bootstrap
            // classes exist.
            Class.forName("paragent.agent.Agent")
                    .getMethod("start", AgentOptions.class, Instrumentation.class, boolean.class, long.class)
                    .invoke(null, options, inst, attached, entryNanos);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Log.failure("could not start the agent", e.getCause());
        } catch (Throwable t) {
            Log.failure("could not start the agent", t);
        }
    }
}
