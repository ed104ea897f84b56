package paragent.analyzer.diagnosis;

import java.util.List;

/** The registry of diagnosis rules. Stateless; thread-safe. */
public final class Rules {

    private Rules() {
    }

    /** @return every rule, in no particular order (findings are sorted afterwards) */
    public static List<Rule> all() {
        return List.of(
                new LockContentionRule());
    }
}
