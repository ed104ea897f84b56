package paragent.analyzer.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fits on speedups computed from known laws. */
class FitsTest {

    @Test
    void amdahlRecoversTheSerialFractionFromExactSpeedups() {
        List<Fits.Point> points = points(n -> Fits.amdahl(0.2, n), 1, 2, 4, 8);

        Fit fit = Fits.amdahl(points);

        assertThat(fit.parameters().get("serialFraction")).isCloseTo(0.2, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
        assertThat(fit.ceiling()).isCloseTo(5, within(1e-6));
        assertThat(fit.bestThreads()).isNull();
        assertThat(fit.usable()).isTrue();
        assertThat(fit.note()).isNull();
    }

    @Test
    void amdahlOfPerfectScalingHasNoCeiling() {
        Fit fit = Fits.amdahl(points(n -> n, 1, 2, 4));

        assertThat(fit.parameters().get("serialFraction")).isCloseTo(0, within(1e-9));
        assertThat(fit.ceiling()).isNull();
    }

    @Test
    void amdahlNeedsTwoCounts() {
        Fit fit = Fits.amdahl(List.of(new Fits.Point(1, 1)));

        assertThat(fit.usable()).isFalse();
        assertThat(fit.note()).contains("two or more");
        assertThat(fit.rSquared()).isNaN();
    }

    @Test
    void uslRecoversSigmaAndKappaFromThreeCounts() {
        List<Fits.Point> points = points(n -> Fits.usl(0.05, 0.01, n), 1, 2, 4, 8);

        Fit fit = Fits.usl(points);

        assertThat(fit.parameters().get("sigma")).isCloseTo(0.05, within(1e-9));
        assertThat(fit.parameters().get("kappa")).isCloseTo(0.01, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
        assertThat(fit.bestThreads()).isCloseTo(Math.sqrt(0.95 / 0.01), within(1e-6));
        assertThat(fit.ceiling()).isCloseTo(Fits.usl(0.05, 0.01, Math.sqrt(0.95 / 0.01)), within(1e-9));
        assertThat(fit.usable()).isTrue();
    }

    @Test
    void uslWithTwoCountsFitsSigmaAloneAndIsUnusable() {
        Fit fit = Fits.usl(points(n -> Fits.usl(0.25, 0, n), 1, 2));

        assertThat(fit.usable()).isFalse();
        assertThat(fit.note()).contains("three or more");
        assertThat(fit.parameters().get("sigma")).isCloseTo(0.25, within(1e-9));
        assertThat(fit.parameters().get("kappa")).isZero();
        assertThat(fit.bestThreads()).isNull();
        assertThat(fit.ceiling()).isCloseTo(4, within(1e-9));
    }

    @Test
    void uslOfASlowdownPutsTheBestCountAtOne() {
        Fit fit = Fits.usl(points(n -> 0.8, 1, 2));

        assertThat(fit.parameters().get("sigma")).isCloseTo(1.5, within(1e-9));
        assertThat(fit.bestThreads()).isEqualTo(1);
        assertThat(fit.ceiling()).isEqualTo(1);
    }

    @Test
    void uslKeepsItsParametersNonNegative() {
        // faster than linear: the unconstrained fit would make σ negative
        Fit fit = Fits.usl(List.of(new Fits.Point(1, 1), new Fits.Point(2, 2.2), new Fits.Point(4, 4.1)));

        assertThat(fit.parameters().get("sigma")).isGreaterThanOrEqualTo(0);
        assertThat(fit.parameters().get("kappa")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void poorFitsSayHowPoor() {
        // speedup falls at 8: Amdahl cannot follow it
        Fit fit = Fits.amdahl(List.of(new Fits.Point(1, 1), new Fits.Point(2, 1.9), new Fits.Point(4, 3),
                new Fits.Point(8, 1.2)));

        assertThat(fit.rSquared()).isLessThan(Fits.WEAK_R_SQUARED);
        assertThat(fit.note()).startsWith("fits the measured speedups poorly (R² ");
    }

    private static List<Fits.Point> points(java.util.function.IntToDoubleFunction law, int... counts) {
        return java.util.Arrays.stream(counts).mapToObj(n -> new Fits.Point(n, law.applyAsDouble(n))).toList();
    }
}
