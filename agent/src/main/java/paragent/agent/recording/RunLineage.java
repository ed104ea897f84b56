package paragent.agent.recording;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import paragent.agent.AgentOptions;
import paragent.agent.internal.Log;

/**
 * Where this JVM stands in a run's process tree, fixed at agent start and written into
 * {@code paragent.RunInfo}. The root JVM of a run makes the run id ({@code <pid>-<epochMillis>});
 * a JVM started under the {@code children} option inherits it and its parent's pid from its
 * options. Immutable.
 *
 * @param runId              the run this JVM belongs to
 * @param parentPid          the parent JVM's pid under {@code children}, else the OS parent's, or -1
 * @param child              whether this JVM was started under {@code children}: it records only
 * @param premainNanos       {@code System.nanoTime()} on entry to premain, the start of the agent's own start-up
 * @param childAgentArgument the {@code -javaagent:} argument child JVMs get, or null when they get none
 */
public record RunLineage(String runId, long parentPid, boolean child, long premainNanos, String childAgentArgument) {

    /**
     * The lineage of this JVM from its options. When {@code children} is on but the argument for
     * the children cannot be written (this agent is not a jar file, or its path or {@code outDir}
     * holds a character the option syntax cannot carry), says so in one line; children then get no
     * agent.
     *
     * @param outDir the absolute output directory this JVM writes to, which its children share
     */
    public static RunLineage of(AgentOptions options, Path outDir, long premainNanos) {
        long pid = ProcessHandle.current().pid();
        String runId = options.runId() != null ? options.runId() : pid + "-" + System.currentTimeMillis();
        long parentPid = options.isChild() ? options.parentPid()
                : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        String childAgent = options.children() ? childAgentArgument(options, outDir, runId, pid) : null;
        return new RunLineage(runId, parentPid, options.isChild(), premainNanos, childAgent);
    }

    private static String childAgentArgument(AgentOptions options, Path outDir, String runId, long pid) {
        try {
            Path jar = Path.of(RunLineage.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("the agent was not loaded from a jar file (" + jar + ")");
            }
            // The JVM splits -javaagent:<jar>=<options> at the first '='.
            if (jar.toString().indexOf('=') >= 0) {
                throw new IllegalArgumentException("the agent's path " + jar + " contains '='");
            }
            return "-javaagent:" + jar + "=" + options.childOptions(outDir, runId, pid);
        } catch (URISyntaxException | RuntimeException e) {
            Log.line("option children: child JVMs get no agent, because " + e.getMessage());
            return null;
        }
    }
}
