package paragent.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

/**
 * Called by the advice woven into {@code java.lang.ProcessImpl.start(...)}, the one method that
 * {@code ProcessBuilder.start}, {@code ProcessBuilder.startPipeline} and {@code Runtime.exec} all
 * go through, once per child. {@link #begin} starts a {@link ProcessSpawnEvent}; {@link #end}
 * commits it (its stack trace is the spawn site) and hands a started child to the
 * {@link ProcessSpawnSink}.
 *
 * <p>The sink learns of the child's exit from the JDK's own exit-status future, which the JDK's
 * process reaper thread completes ({@code ProcessHandleImpl.completions}, read through a private
 * lookup that needs {@code java.lang} opened to this module). {@code Process.onExit()} is not used
 * because it completes on {@code CompletableFuture}'s async pool, which would start threads in the
 * application (common-pool workers, or on 2 CPUs an unnamed {@code Thread-N} per child).
 *
 * <p>Called concurrently from application threads; never throws.
 */
public final class ProcessSpawns {

    /** Longest {@link ProcessSpawnEvent#command}. */
    public static final int MAX_COMMAND_CHARS = 1_000;

    private static final MethodHandle COMPLETIONS = completionsHandle();

    private static volatile ProcessSpawnSink sink;

    private ProcessSpawns() {
    }

    /** Starts delivering started children to {@code newSink}; null stops it. */
    public static void install(ProcessSpawnSink newSink) {
        sink = newSink;
    }

    /** Whether children's exits can be observed (needs {@code java.lang} opened to this module). */
    public static boolean canTrackExits() {
        return COMPLETIONS != null;
    }

    /**
     * Called on entry to the start call.
     *
     * @return a token for {@link #end}, or null when nothing is being recorded
     */
    public static Object begin() {
        try {
            if (sink == null) {
                return null;
            }
            ProcessSpawnEvent event = new ProcessSpawnEvent();
            event.begin();
            return event;
        } catch (Throwable t) {
            HookFailures.report("child process recording", t);
            return null;
        }
    }

    /** Called on exit from the start call, normally ({@code process} set) or by an exception. */
    public static void end(Object token, String[] argv, Process process, Throwable thrown) {
        try {
            if (!(token instanceof ProcessSpawnEvent)) {
                return;
            }
            ProcessSpawnEvent event = (ProcessSpawnEvent) token;
            event.end();
            long spawnedNanos = System.nanoTime();
            String command = command(argv);
            event.command = command;
            event.pid = process != null ? process.pid() : -1;
            event.error = thrown != null ? thrown.getClass().getName() + ": " + thrown.getMessage() : null;
            event.commit();
            ProcessSpawnSink current = sink;
            if (current != null && process != null) {
                current.spawned(process, command, spawnedNanos, exitStatus(process.pid()));
            }
            if (process != null) {
                ChannelHooks.childStarted(process, command);
            }
        } catch (Throwable t) {
            HookFailures.report("child process recording", t);
            // Never throw into the application's process start.
        }
    }

    /**
     * The argument vector joined with spaces, cut at {@link #MAX_COMMAND_CHARS}: the command the
     * program asked for, without the agent argument {@link ChildJvmAgents} inserted.
     */
    static String command(String[] argv) {
        if (argv == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String arg : argv) {
            if (ChildJvmAgents.isInserted(arg)) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(arg);
            if (text.length() >= MAX_COMMAND_CHARS) {
                return text.substring(0, MAX_COMMAND_CHARS);
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Integer> exitStatus(long pid) throws Throwable {
        if (COMPLETIONS == null) {
            return null;
        }
        Object future = ((ConcurrentMap<Long, ?>) COMPLETIONS.invokeExact()).get(pid);
        return future instanceof CompletableFuture ? (CompletableFuture<Integer>) future : null;
    }

    private static MethodHandle completionsHandle() {
        try {
            Class<?> handles = Class.forName("java.lang.ProcessHandleImpl");
            return MethodHandles.privateLookupIn(handles, MethodHandles.lookup())
                    .findStaticGetter(handles, "completions", ConcurrentMap.class);
        } catch (Throwable t) {
            HookFailures.report("following child processes to their exit", t);
            return null;
        }
    }
}
