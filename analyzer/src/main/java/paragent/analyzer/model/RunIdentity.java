package paragent.analyzer.model;

import java.time.Instant;

/**
 * Which run a JVM belongs to and where it sits in its process tree. Immutable.
 *
 * @param runId the run's id, or null when unknown
 * @param pid this JVM's pid
 * @param parentPid the parent process's pid, or -1
 * @param agentStartSeconds the agent's own start-up time in this JVM, or null when unknown
 * @param children whether the {@code children} option was on
 * @param start the recording's start
 * @param end the recording's end
 */
public record RunIdentity(String runId, long pid, long parentPid, Double agentStartSeconds, boolean children,
                          Instant start, Instant end) {
}
