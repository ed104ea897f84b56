package paragent.analyzer.flame;

import java.util.List;
import java.util.Optional;

/**
 * The flame graphs of one process: what recorded them and the graphs themselves. Immutable.
 *
 * @param engine {@code async-profiler 4.6}, or {@code jfr} when the stacks are JFR's own
 * @param modes the modes the agent was asked for, e.g. {@code cpu+wall}; "" when unknown
 * @param cpuEvent the event async-profiler profiled CPU with ({@code cpu}, {@code ctimer}, {@code itimer}), or ""
 * @param note sentences for the reader about fallbacks, failures and graphs left out; "" when none
 * @param graphs CPU first, then wall clock per worker pool, then one per contended lock finding
 */
public record FlameGraphs(String engine, String modes, String cpuEvent, String note, List<FlameGraph> graphs) {

    private static final FlameGraphs EMPTY = new FlameGraphs("jfr", "", "", "", List.of());

    public FlameGraphs {
        graphs = List.copyOf(graphs);
    }

    /** @return no graphs */
    public static FlameGraphs empty() {
        return EMPTY;
    }

    /** @return the lock graph of a LOCK_CONTENTION finding's subject (its lock class), if there is one */
    public Optional<FlameGraph> lockGraph(String subject) {
        return graphs.stream().filter(g -> "lock".equals(g.kind()) && g.subject() != null && g.subject().equals(subject))
                .findFirst();
    }
}
