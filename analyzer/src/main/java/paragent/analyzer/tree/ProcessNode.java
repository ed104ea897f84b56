package paragent.analyzer.tree;

import paragent.analyzer.Analysis;

/**
 * One JVM of a process tree with its own analysis. Immutable.
 *
 * @param pid its pid
 * @param parentPid its parent's pid, or -1
 * @param command its command line, or null
 * @param recordingName its recording's file name
 * @param depth 0 for the root, 1 for its children, ...
 * @param analysis its own recording's analysis
 * @param clockOffsetSeconds add to this JVM's timestamps to get the root's clock
 * @param startSeconds this JVM's recording start on the root's clock, relative to the root's start
 * @param bootSeconds parent's start call → this JVM's recording start, minus the agent's own
 *        start-up; null for the root or when unknown
 * @param cpuSeconds its CPU time
 * @param wallSeconds its recording's duration
 */
public record ProcessNode(long pid, long parentPid, String command, String recordingName, int depth,
                          Analysis analysis, double clockOffsetSeconds, double startSeconds, Double bootSeconds,
                          double cpuSeconds, double wallSeconds) {
}
