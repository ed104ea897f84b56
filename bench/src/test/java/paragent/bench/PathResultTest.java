package paragent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathResultTest {

    private static Scores scores(double... nanos) {
        Scores scores = new Scores();
        for (double n : nanos) {
            scores.add(n);
        }
        return scores;
    }

    @Test
    void budgetHoldsWhenTheUpperBoundIsWithinIt() {
        PathResult result = new PathResult(InstrumentedPath.LOCK_UNCONTENDED,
                scores(13.0, 13.0, 13.0, 13.0), scores(13.2, 13.3, 13.2, 13.3));

        assertThat(result.deltaNanos()).isCloseTo(0.25, offset(1e-9));
        assertThat(result.verdict()).isEqualTo(PathResult.Verdict.HOLDS);
    }

    @Test
    void budgetFailsWhenTheLowerBoundExceedsIt() {
        PathResult result = new PathResult(InstrumentedPath.THREAD_POOL_TASK,
                scores(500, 501, 499, 500), scores(800, 801, 799, 800));

        assertThat(result.ratio()).isCloseTo(1.6, offset(1e-9));
        assertThat(result.verdict()).isEqualTo(PathResult.Verdict.FAILS);
    }

    @Test
    void noiseLargerThanTheBudgetIsUnclear() {
        PathResult result = new PathResult(InstrumentedPath.LOCK_UNCONTENDED,
                scores(10, 16, 12, 14), scores(11, 17, 13, 15));

        assertThat(result.verdict()).isEqualTo(PathResult.Verdict.UNCLEAR);
    }

    @Test
    void tooFewIterationsForABoundAreUnclear() {
        PathResult result = new PathResult(InstrumentedPath.LOCK_UNCONTENDED, scores(13.0), scores(13.0));

        assertThat(result.deltaError()).isNaN();
        assertThat(result.verdict()).isEqualTo(PathResult.Verdict.UNCLEAR);
    }

    @Test
    void pathsWithoutBudgetReportOnlyTheirRatio() {
        PathResult result = new PathResult(InstrumentedPath.SOCKET_WRITE,
                scores(2000, 2010, 1990), scores(2100, 2110, 2090));

        assertThat(result.verdict()).isEqualTo(PathResult.Verdict.NO_BUDGET);
        assertThat(OverheadTable.markdown(List.of(result)))
                .contains("| socket write 64 B, loopback | 3 + 3 | 2,000 ± ")
                .contains("| 1.050 | – | no budget |");
    }

    @Test
    void tableShowsTheBudgetAndVerdict() {
        PathResult result = new PathResult(InstrumentedPath.LOCK_CONTENDED,
                scores(2000, 2000, 2000), scores(2040, 2040, 2040));

        assertThat(OverheadTable.markdown(List.of(result)))
                .contains("| 40.0 ± 0.00 | 1.020 | ≤ 100 | holds |");
    }
}
