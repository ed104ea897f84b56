package paragent.analyzer.flame;

/**
 * One flame graph of the report. Immutable.
 *
 * @param id unique in the report, safe in an HTML id ({@code flame-cpu}, {@code flame-wall-1}, {@code flame-lock-1})
 * @param title what it shows, e.g. {@code Wall clock of pool-1-thread-N}
 * @param kind {@code cpu}, {@code wall} or {@code lock}
 * @param source where its stacks come from, e.g. {@code JFR execution samples}
 * @param subject the worker pool of a wall graph, the lock class of a lock graph; null for CPU
 * @param samples samples (waits, for a lock graph) in it
 * @param weightNanos their summed weight: sampled time, or wait time
 * @param root the pruned tree (see {@link FlameTrees})
 */
public record FlameGraph(String id, String title, String kind, String source, String subject, long samples,
                         long weightNanos, FlameNode root) {
}
