package paragent.bench;

import java.util.List;
import java.util.Locale;

/**
 * Renders the paths' results as one Markdown table: the score without and with the agent, the
 * difference, the ratio, the budget and the verdict. Stateless.
 */
final class OverheadTable {

    private OverheadTable() {
    }

    /** The table, one row per path in the order given. */
    static String markdown(List<PathResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| path | iterations | without ns/op | with ns/op | Δ ns/op | ratio | budget (Δ ns/op) | verdict |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (PathResult result : results) {
            row(md, result);
        }
        md.append("\nBounds are JMH's ").append(format(Scores.CONFIDENCE * 100)).append(" % confidence intervals of"
                + " the mean over all measured iterations of all rounds; Δ's bound combines both sides'."
                + " A budget holds when Δ plus its bound is within it and fails when Δ minus its bound exceeds it.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, PathResult result) {
        InstrumentedPath path = result.path();
        md.append("| ").append(path.label)
                .append(" | ").append(result.without().count()).append(" + ").append(result.with().count())
                .append(" | ").append(withError(result.without().mean(), result.without().error()))
                .append(" | ").append(withError(result.with().mean(), result.with().error()))
                .append(" | ").append(withError(result.deltaNanos(), result.deltaError()))
                .append(" | ").append(String.format(Locale.ROOT, "%.3f", result.ratio()))
                .append(" | ").append(budget(path))
                .append(" | ").append(result.verdict().text)
                .append(" |\n");
    }

    private static String budget(InstrumentedPath path) {
        if (!path.budgeted()) {
            return "–";
        }
        return "≤ " + format(path.budgetNanos);
    }

    private static String withError(double value, double error) {
        return Double.isNaN(error) ? format(value) : format(value) + " ± " + format(error);
    }

    /** Three significant digits at least, never scientific notation. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
