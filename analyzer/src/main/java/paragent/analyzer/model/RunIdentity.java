package paragent.analyzer.model;

import java.time.Instant;

/**
 * Where one recording belongs in a multi-process run (from {@code paragent.RunInfo}). Immutable.
 *
 * @param runId the run this JVM belongs to ({@code <pid>-<epochMillis>} of the root JVM), or null when unknown
 * @param pid this JVM's pid; -1 when unknown
 * @param parentPid the parent JVM's pid under the {@code children} option, else the OS parent; -1 when unknown
 * @param agentStartSeconds the agent's own start-up in this JVM before {@code start}, or null when unknown
 * @param children whether the {@code children} option was on
 * @param start the recording's first event on this JVM's clock, or null when unknown
 * @param end the recording's last event, or null when unknown
 */
public record RunIdentity(String runId, long pid, long parentPid, Double agentStartSeconds, boolean children,
                          Instant start, Instant end) {

    /** What a recording without paragent's run information says: the pid, nothing else. */
    public static RunIdentity of(JvmInfo jvm) {
        return new RunIdentity(null, jvm.pid() == null ? -1 : jvm.pid(), -1, null, false, null, null);
    }
}
