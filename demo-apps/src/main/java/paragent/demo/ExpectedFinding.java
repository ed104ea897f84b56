package paragent.demo;

import java.util.List;
import java.util.Objects;

/**
 * The finding a demo's bottleneck variant must produce: the ground truth of the diagnosis tests.
 *
 * <p>A diagnosis of the bottleneck variant passes when it has a finding of {@code kind} whose
 * {@code subject} contains {@code subjectContains} and whose {@code where} starts with
 * {@code whereClassPrefix}. A diagnosis of the fixed variant passes when no finding of
 * {@code kind} has a {@code share} above {@code fixedMaxShare}. Immutable.
 *
 * @param kind a finding kind of the JSON contract, one of {@link #KINDS}
 * @param subjectContains a substring the finding's subject must contain, e.g. the planted lock's class
 * @param whereClassPrefix the finding's {@code where} must start with this, e.g. the demo's package
 * @param fixedMaxShare the largest share of {@code kind} the fixed variant may show
 */
public record ExpectedFinding(String kind, String subjectContains, String whereClassPrefix, double fixedMaxShare) {

    /** The finding kinds of the JSON contract ({@code paragent/summary@1}). */
    public static final List<String> KINDS = List.of(
            "LOCK_CONTENTION", "SERIAL_SECTION", "LOAD_IMBALANCE", "OVERSUBSCRIPTION",
            "TASK_OVERHEAD", "CPU_TIME_INFLATION", "PROCESS_SPAWN", "IPC", "GC", "IO",
            "GPU_TRANSFER");

    /** The share the fixed variant may show of the expected kind, unless a demo says otherwise. */
    public static final double DEFAULT_FIXED_MAX_SHARE = 0.05;

    /** Validates the kind and the share. */
    public ExpectedFinding {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown finding kind: " + kind);
        }
        Objects.requireNonNull(subjectContains, "subjectContains");
        Objects.requireNonNull(whereClassPrefix, "whereClassPrefix");
        if (!(fixedMaxShare >= 0 && fixedMaxShare <= 1)) {
            throw new IllegalArgumentException("fixedMaxShare must be in [0, 1], not " + fixedMaxShare);
        }
    }

    /** An expectation of {@code kind} with the default fixed-variant share. */
    public static ExpectedFinding of(String kind, String subjectContains, String whereClassPrefix) {
        return new ExpectedFinding(kind, subjectContains, whereClassPrefix, DEFAULT_FIXED_MAX_SHARE);
    }

    /** A {@code LOCK_CONTENTION} expectation with the default fixed-variant share. */
    public static ExpectedFinding lockContention(String subjectContains, String whereClassPrefix) {
        return of("LOCK_CONTENTION", subjectContains, whereClassPrefix);
    }

    /** One line for {@code --list}: kind, subject and where. */
    public String describe() {
        return kind + " subject~" + subjectContains + " where=" + whereClassPrefix + "*";
    }
}
