package paragent.analyzer.tree;

import java.util.List;

/**
 * The result of analyzing several recordings together ({@code Analyzer.analyzeAll}): one or more
 * runs, each a tree of JVMs. Immutable.
 *
 * @param runs the runs, the primary one first
 * @param warnings problems that concern the recordings together (a recording that fits no run)
 */
public record MultiAnalysis(List<ProcessTree> runs, List<String> warnings) {

    public MultiAnalysis {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** @return the first run: what the single-process renderers show */
    public ProcessTree primary() {
        return runs.get(0);
    }
}
