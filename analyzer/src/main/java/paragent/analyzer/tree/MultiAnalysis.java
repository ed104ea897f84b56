package paragent.analyzer.tree;

import java.util.List;

/**
 * The analysis of several recordings at once ({@link paragent.analyzer.Analyzer#analyzeAll}): the
 * runs they form, each a process tree. Immutable.
 *
 * @param runs the runs, in the order of their first recording on the command line; never empty
 * @param warnings what limited the merge (recordings that could not be placed, missing clock estimates)
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
