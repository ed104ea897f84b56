package paragent.agent.bootstrap;

/**
 * Gives child JVMs the agent under the {@code children} option: called by the advice woven into
 * {@code java.lang.ProcessImpl.start(...)} before the child is started, {@link #withAgent} inserts
 * the {@code -javaagent:} argument the agent prepared at start as {@code argv[1]} when
 * {@code argv[0]}'s file name is {@code java} or {@code java.exe} and the command names no
 * paragent agent of its own. Any other command, and every command while no argument is
 * installed, is left as it is.
 *
 * <p>Called concurrently from application threads; never throws: on a failure the command is left
 * unchanged and one line goes to stderr ({@link HookFailures}). JDK-only, loaded in the boot loader.
 */
public final class ChildJvmAgents {

    private static volatile String argument;

    private ChildJvmAgents() {
    }

    /** Gives the JVMs started from now on {@code javaAgentArgument}; null stops it. */
    public static void install(String javaAgentArgument) {
        argument = javaAgentArgument;
    }

    /**
     * @return {@code argv} with the agent argument inserted as {@code argv[1]} in a new array, or
     *         {@code argv} itself when the command is not a JVM to profile
     */
    public static String[] withAgent(String[] argv) {
        try {
            String current = argument;
            if (current == null || argv == null || argv.length == 0 || !isJava(argv[0]) || hasParagent(argv)) {
                return argv;
            }
            String[] rewritten = new String[argv.length + 1];
            rewritten[0] = argv[0];
            rewritten[1] = current;
            System.arraycopy(argv, 1, rewritten, 2, argv.length - 1);
            return rewritten;
        } catch (Throwable t) {
            HookFailures.report("giving child JVMs the agent", t);
            return argv;
        }
    }

    /**
     * Whether {@code arg} is the argument this class inserted: the same string object, so that an
     * argument the program wrote itself never matches.
     */
    public static boolean isInserted(String arg) {
        return arg != null && arg == argument;
    }

    /** Whether {@code program}'s file name is {@code java} or {@code java.exe}. */
    public static boolean isJava(String program) {
        if (program == null) {
            return false;
        }
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        String name = program.substring(slash + 1);
        return name.equals("java") || name.equals("java.exe");
    }

    /** Whether the command already loads a paragent agent ({@code -javaagent:...paragent*.jar}). */
    static boolean hasParagent(String[] argv) {
        for (String arg : argv) {
            if (arg != null && arg.startsWith("-javaagent:")) {
                int end = arg.indexOf('=');
                String jar = arg.substring("-javaagent:".length(), end < 0 ? arg.length() : end);
                int slash = Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\'));
                String name = jar.substring(slash + 1);
                if (name.startsWith("paragent") && name.endsWith(".jar")) {
                    return true;
                }
            }
        }
        return false;
    }
}
