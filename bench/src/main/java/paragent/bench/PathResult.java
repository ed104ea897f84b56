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

    /**
     * The added time in the budget's unit: per operation, or per contended acquisition, the
     * per-operation difference divided by the share of acquisitions contended with the agent.
     */
    double budgetedDelta() {
        return path.perContendedAcquisition() ? deltaNanos() / with.contendedShare() : deltaNanos();
    }

    /** The error bound of {@link #budgetedDelta}. */
    double budgetedError() {
        return path.perContendedAcquisition() ? deltaError() / with.contendedShare() : deltaError();
    }

    /** The verdict against the budget; NaN bounds (too few iterations) are {@link Verdict#UNCLEAR}. */
    Verdict verdict() {
        if (!path.budgeted()) {
            return Verdict.NO_BUDGET;
        }
        double delta = budgetedDelta();
        double error = budgetedError();
        if (delta + error <= path.budgetNanos) {
            return Verdict.HOLDS;
        }
        if (delta - error > path.budgetNanos) {
            return Verdict.FAILS;
        }
        return Verdict.UNCLEAR;
    }
}
