package paragent.bench;

/**
 * One path measured without and with the agent: the difference, the ratio and the verdict
 * against the path's budget. The difference's error bound is the root of the sum of the two
 * sides' squared bounds. Immutable once the runner has finished filling the scores.
 */
record PathResult(InstrumentedPath path, Scores without, Scores with) {

    /** How the added time compares with the budget, given the error bound. */
    enum Verdict {
        /** Even the upper error bound of the added time is within budget. */
        HOLDS("holds"),
        /** Even the lower error bound is above the budget. */
        FAILS("FAILS"),
        /** The error bound straddles the budget: the noise is larger than the budget. */
        UNCLEAR("unclear (noise > budget)"),
        /** The path has no budget. */
        NO_BUDGET("no budget");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** Nanoseconds per operation the agent added (negative: the run with it was faster). */
    double deltaNanos() {
        return with.mean() - without.mean();
    }

    /** The error bound of {@link #deltaNanos}. */
    double deltaError() {
        return Math.hypot(without.error(), with.error());
    }

    /** Mean with the agent ÷ mean without. */
    double ratio() {
        return with.mean() / without.mean();
    }

    /** The verdict against the budget; NaN bounds (too few iterations) are {@link Verdict#UNCLEAR}. */
    Verdict verdict() {
        if (!path.budgeted()) {
            return Verdict.NO_BUDGET;
        }
        double delta = deltaNanos();
        double error = deltaError();
        if (delta + error <= path.budgetNanos) {
            return Verdict.HOLDS;
        }
        if (delta - error > path.budgetNanos) {
            return Verdict.FAILS;
        }
        return Verdict.UNCLEAR;
    }
}
