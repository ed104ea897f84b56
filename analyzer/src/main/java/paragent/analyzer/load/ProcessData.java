package paragent.analyzer.load;

/**
 * Raw facts about one child process from {@code paragent.ProcessSpawn} and {@code paragent.ProcessExit}.
 * Mutable; confined to the loading thread.
 */
final class ProcessData {

    long pid;
    String command;
    long spawnStartNanos;
    long spawnNanos;
    String spawnSite;
    long spawnerJavaId;
    String error;
    Long lifetimeNanos;
    Long cpuNanos;
    Integer exitCode;
}
