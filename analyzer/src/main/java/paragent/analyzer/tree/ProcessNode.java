package paragent.analyzer.tree;

import paragent.analyzer.Analysis;

/**
 * One JVM of a run, placed in its tree. Immutable.
 *
 * @param pid its pid; -1 when unknown
 * @param parentPid the pid of its parent in the tree, else its recorded parent; -1 when unknown
 * @param command its command line, or null
 * @param recordingName its recording's file name
 * @param depth 0 for the root (and for processes joined only by a socket), the parent's + 1 otherwise
 * @param analysis its own analysis, as for a single recording
 * @param clockOffsetSeconds add to this JVM's timestamps to get the root's clock
 * @param startSeconds this JVM's recording start on the root's clock, from the root's start
 * @param bootSeconds from the parent's start call to this JVM's recording start, less the agent's own
 *     start-up; null for the root or when unknown
 * @param cpuSeconds the JVM's CPU time (user + system) during its recording
 * @param wallSeconds its recording's length
 */
public record ProcessNode(long pid, long parentPid, String command, String recordingName, int depth,
                          Analysis analysis, double clockOffsetSeconds, double startSeconds, Double bootSeconds,
                          double cpuSeconds, double wallSeconds) {
}
