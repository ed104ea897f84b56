package paragent.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class OverheadReportTest {

    private static RunSample sample(String program, Side side, int round, double cpuMillis, String result) {
        return new RunSample(program, side, round, cpuMillis, -1, cpuMillis, 0, false, result);
    }

    @Test
    void eachAgentSideIsPairedWithTheRunWithoutTheAgentOfItsOwnRound() {
        List<RunSample> samples = List.of(
                sample("h2", Side.NONE, 0, 100, "1"), sample("h2", Side.FLAME, 0, 130, "1"),
                sample("h2", Side.DEFAULT, 0, 110, "1"), sample("h2", Side.DEFAULT, 1, 120, "1"),
                sample("h2", Side.NONE, 1, 200, "1"));

        Map<Side, List<OverheadReport.Pair>> pairs = OverheadReport.pairs(samples).get("h2");

        assertThat(pairs).containsOnlyKeys(Side.DEFAULT, Side.FLAME);
        assertThat(pairs.get(Side.DEFAULT)).extracting(p -> p.without().cpuMillis(), p -> p.with().cpuMillis())
                .containsExactly(Tuple.tuple(100.0, 110.0),
                        Tuple.tuple(200.0, 120.0));
        assertThat(pairs.get(Side.FLAME)).hasSize(1);
    }

    @Test
    void rowGivesTheRatioOfMediansAndTheQuartilesOfPerPairRatios() {
        List<RunSample> samples = new ArrayList<>();
        double[][] cpu = {{100, 101}, {200, 204}, {100, 103}, {400, 404}, {100, 110}};
        for (int round = 0; round < cpu.length; round++) {
            samples.add(sample("p", Side.NONE, round, cpu[round][0], ""));
            samples.add(sample("p", Side.DEFAULT, round, cpu[round][1], ""));
        }

        OverheadReport.Row row = OverheadReport.row(OverheadReport.pairs(samples).get("p").get(Side.DEFAULT),
                RunSample::cpuMillis);

        // medians: without 100, with 110; per-pair ratios sorted 1.01 1.01 1.02 1.03 1.10
        assertThat(row.pairs()).isEqualTo(5);
        assertThat(row.medianWithout()).isEqualTo(100);
        assertThat(row.medianWith()).isEqualTo(110);
        assertThat(row.ratioOfMedians()).isCloseTo(1.10, within(1e-9));
        assertThat(row.ratioQ1()).isCloseTo(1.01, within(1e-9));
        assertThat(row.ratioQ3()).isCloseTo(1.03, within(1e-9));
        assertThat(row.ratioMin()).isCloseTo(1.01, within(1e-9));
        assertThat(row.ratioMax()).isCloseTo(1.10, within(1e-9));
    }

    @Test
    void quantileInterpolatesBetweenClosestRanks() {
        double[] sorted = {1, 2, 4, 8};

        assertThat(OverheadReport.quantile(sorted, 0.5)).isEqualTo(3);
        assertThat(OverheadReport.quantile(sorted, 0.25)).isEqualTo(1.75);
        assertThat(OverheadReport.quantile(sorted, 1)).isEqualTo(8);
        assertThat(OverheadReport.quantile(new double[] {5}, 0.75)).isEqualTo(5);
    }

    @Test
    void aResultThatDiffersFromTheRunWithoutTheAgentIsReported() {
        List<RunSample> samples = List.of(
                sample("lucene", Side.NONE, 0, 1, "42"), sample("lucene", Side.DEFAULT, 0, 1, "42"),
                sample("lucene", Side.FLAME, 0, 1, "41"),
                sample("lucene", Side.NONE, 1, 1, "42"), sample("lucene", Side.DEFAULT, 1, 1, "42"));

        assertThat(OverheadReport.resultMismatches(samples))
                .containsExactly("lucene round 1: flame printed result=41, none printed result=42");
    }

    @Test
    void theMarkdownHasOneRowPerAgentSideAndMetric() {
        List<RunSample> samples = List.of(
                sample("gil", Side.NONE, 0, 100, "7"), sample("gil", Side.DEFAULT, 0, 102, "7"),
                sample("gil", Side.FLAME, 0, 105, "7"));

        String md = OverheadReport.markdown(samples);

        assertThat(md).contains("| gil | default | CPU ms | 1 | 100 | 102 | +2 | 1.020 |")
                .contains("| gil | flame | CPU ms | 1 | 100 | 105 | +5 | 1.050 |")
                .doesNotContain("| gil | none | CPU ms")
                .contains("| gil | none | 1 | 0 | 0 | 0 |");
    }
}
