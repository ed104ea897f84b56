package paragent.agent.bootstrap;

import java.util.concurrent.CompletableFuture;

/**
 * Receives every child process started successfully, as seen by {@link ProcessSpawns}. The
 * agent's child tracker implements it from its own class loader. Called from the application
 * thread that started the process, before the {@code Process} is returned to it:
 * implementations must be thread-safe, fast, must not block and must not throw.
 */
public interface ProcessSpawnSink {

    /**
     * @param process      the new child, not yet seen by the application; it must not be kept
     * @param command      the argument vector as in {@link ProcessSpawnEvent#command}
     * @param spawnedNanos {@code System.nanoTime()} at the end of the start call
     * @param exitStatus   the JDK's own future of the child's exit status, completed by its
     *                     process reaper thread; null when the JDK has already reaped the child
     *                     (or its internals cannot be read, see {@link ProcessSpawns#canTrackExits})
     */
    void spawned(Process process, String command, long spawnedNanos, CompletableFuture<Integer> exitStatus);
}
