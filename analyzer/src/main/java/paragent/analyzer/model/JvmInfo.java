package paragent.analyzer.model;

/**
 * The recorded JVM. Immutable.
 *
 * @param pid process id, or null when the recording does not say
 * @param javaVersion e.g. {@code 17.0.15}, or null when unknown
 * @param availableProcessors cores the JVM could use; 0 when unknown
 * @param command main class or jar and its arguments, or null when unknown
 */
public record JvmInfo(Long pid, String javaVersion, int availableProcessors, String command) {
}
