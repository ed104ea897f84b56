package paragent.analyzer.model;

/**
 * One child process the program started. Immutable.
 *
 * @param pid its pid; -1 when the start failed
 * @param command the command line
 * @param spawnSeconds time inside the start call
 * @param spawnSite the application frame that started it, or null
 * @param spawnerJavaId the thread that started it; 0 when unknown
 * @param lifetimeSeconds from start to exit (or to the end of the recording); null when not seen
 * @param cpuSeconds user + system CPU it used; null when unknown
 * @param exitCode its exit status; null when not seen or still running
 * @param error why the start failed, or null
 * @param spawnStartSeconds when the start call began, from the recording's start; null when unknown
 */
public record ChildProcess(long pid, String command, double spawnSeconds, String spawnSite, long spawnerJavaId,
                           Double lifetimeSeconds, Double cpuSeconds, Integer exitCode, String error,
                           Double spawnStartSeconds) {

    /** A child whose start time is unknown. */
    public ChildProcess(long pid, String command, double spawnSeconds, String spawnSite, long spawnerJavaId,
                        Double lifetimeSeconds, Double cpuSeconds, Integer exitCode, String error) {
        this(pid, command, spawnSeconds, spawnSite, spawnerJavaId, lifetimeSeconds, cpuSeconds, exitCode, error, null);
    }

    /** @return the program name: the first word of the command, without its directory */
    public String program() {
        String first = command == null || command.isBlank() ? "?" : command.strip().split("\\s+")[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
