package paragent.agent.instrumentation.processes;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import paragent.agent.bootstrap.ChildJvmAgents;
import paragent.agent.bootstrap.ProcessSpawns;

/**
 * Records every child process the program starts. {@code ProcessBuilder.start()},
 * {@code ProcessBuilder.startPipeline} (once per stage) and {@code Runtime.exec} all end in the
 * static {@code java.lang.ProcessImpl.start(String[] cmdarray, Map env, String dir,
 * Redirect[] redirects, boolean redirectErrorStream)}, the same on JDK 17 and 25 (Unix), so
 * weaving that one method sees each child exactly once without a reentrancy guard. Checks that
 * {@code ProcessBuilder} makes before it (an empty command, a NUL in an argument) fail without a
 * child and are not recorded. Under the {@code children} option the advice also gives a child JVM
 * the agent by rewriting the argument vector before the child starts ({@link ChildJvmAgents}).
 */
public final class ProcessStartInstrumentation {

    /** The type woven. */
    public static final String TARGET = "java.lang.ProcessImpl";

    private ProcessStartInstrumentation() {
    }

    /** Weaves {@link StartAdvice} into {@code ProcessImpl.start(...)}. */
    public static AgentBuilder.Transformer transformer() {
        return (builder, type, loader, module, domain) -> builder.visit(
                Advice.to(StartAdvice.class).on(named("start").and(isStatic()).and(takesArguments(5))));
    }

    /** Inlined into {@code ProcessImpl.start(String[], Map, String, Redirect[], boolean)}. */
    static final class StartAdvice {

        private StartAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Argument(value = 0, readOnly = false) String[] argv) {
            argv = ChildJvmAgents.withAgent(argv);
            return ProcessSpawns.begin();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token, @Advice.Argument(0) String[] argv,
                @Advice.Return Process process, @Advice.Thrown Throwable thrown) {
            ProcessSpawns.end(token, argv, process, thrown);
        }
    }
}
