package paragent.analyzer.scaling;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits Amdahl's law and the Universal Scalability Law to measured speedups by least squares.
 * Stateless.
 */
final class Fits {

    /** A usable fit with an R² below this gets a note saying it fits poorly. */
    static final double WEAK_R_SQUARED = 0.9;
    /** Grid steps of the serial fraction before the golden-section refinement. */
    private static final int AMDAHL_GRID = 1000;
    private static final int GOLDEN_ITERATIONS = 200;

    /** A measured point: the speedup at a thread count. */
    record Point(int threads, double speedup) {
    }

    private Fits() {
    }

    /**
     * Amdahl's law {@code S = 1 / (f + (1 − f)/N)}, f in [0, 1], least squares on S.
     *
     * @param points one per distinct count
     * @return the fit: {@code serialFraction}; ceiling {@code 1/f} (null when f = 0); no best count
     */
    static Fit amdahl(List<Point> points) {
        if (distinctCounts(points) < 2) {
            return new Fit("amdahl", Map.of("serialFraction", 0.0), Double.NaN, null, null, false,
                    "needs runs at two or more thread counts");
        }
        double f = minimizeAmdahl(points);
        double rSquared = rSquared(points, n -> amdahl(f, n));
        return new Fit("amdahl", Map.of("serialFraction", f), rSquared, null, f > 0 ? 1 / f : null, true,
                weakNote(rSquared));
    }

    /**
     * The Universal Scalability Law {@code S = N / (1 + σ(N−1) + κN(N−1))}, by linear least squares on
     * {@code N/S − 1 = σ(N−1) + κN(N−1)} with σ, κ ≥ 0. With fewer than three distinct counts only
     * σ is fitted (κ = 0) and the fit is not usable.
     *
     * @param points one per distinct count
     * @return the fit: {@code sigma}, {@code kappa}; best count {@code sqrt((1−σ)/κ)} (at least 1) and
     *     the speedup there when κ > 0; else no best count and ceiling {@code 1/σ} (null when σ = 0);
     *     best count 1 and ceiling 1 when σ ≥ 1
     */
    static Fit usl(List<Point> points) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        double e = 0;
        for (Point p : points) {
            double x1 = p.threads() - 1;
            double x2 = (double) p.threads() * (p.threads() - 1);
            double y = p.threads() / p.speedup() - 1;
            a += x1 * x1;
            b += x1 * x2;
            c += x2 * x2;
            d += x1 * y;
            e += x2 * y;
        }
        boolean usable = distinctCounts(points) >= 3;
        double[] sk = usable ? constrained(a, b, c, d, e, points) : new double[] {a > 0 ? Math.max(0, d / a) : 0, 0};
        double sigma = sk[0];
        double kappa = sk[1];
        double rSquared = rSquared(points, n -> usl(sigma, kappa, n));
        Double best = null;
        Double ceiling = null;
        if (sigma >= 1) {
            // every added thread slows the program down: 1 thread is best
            best = 1.0;
            ceiling = 1.0;
        } else if (kappa > 0) {
            best = Math.max(1, Math.sqrt((1 - sigma) / kappa));
            ceiling = usl(sigma, kappa, best);
        } else if (sigma > 0) {
            ceiling = 1 / sigma;
        }
        String note = usable ? weakNote(rSquared)
                : "needs runs at three or more thread counts to separate contention (σ) from coherency (κ):"
                        + " σ fitted with κ = 0";
        return new Fit("usl", Map.of("sigma", sigma, "kappa", kappa), rSquared, best, ceiling, usable, note);
    }

    /** @return σ, κ ≥ 0 minimizing the squared residuals of the linearized law */
    private static double[] constrained(double a, double b, double c, double d, double e, List<Point> points) {
        double det = a * c - b * b;
        if (det > 1e-12 * a * c) {
            double sigma = (d * c - b * e) / det;
            double kappa = (a * e - b * d) / det;
            if (sigma >= 0 && kappa >= 0) {
                return new double[] {sigma, kappa};
            }
        }
        double[][] candidates = {{Math.max(0, d / a), 0}, {0, Math.max(0, e / c)}};
        double[] best = {0, 0};
        double bestError = linearError(points, 0, 0);
        for (double[] candidate : candidates) {
            double error = linearError(points, candidate[0], candidate[1]);
            if (error < bestError) {
                best = candidate;
                bestError = error;
            }
        }
        return best;
    }

    private static double linearError(List<Point> points, double sigma, double kappa) {
        double sum = 0;
        for (Point p : points) {
            double n = p.threads();
            double r = n / p.speedup() - 1 - sigma * (n - 1) - kappa * n * (n - 1);
            sum += r * r;
        }
        return sum;
    }

    /** Grid search over [0, 1], then golden-section refinement around the best grid point. */
    private static double minimizeAmdahl(List<Point> points) {
        int bestStep = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= AMDAHL_GRID; i++) {
            double error = amdahlError(points, (double) i / AMDAHL_GRID);
            if (error < bestError) {
                bestError = error;
                bestStep = i;
            }
        }
        double lo = Math.max(0, (bestStep - 1.0) / AMDAHL_GRID);
        double hi = Math.min(1, (bestStep + 1.0) / AMDAHL_GRID);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < GOLDEN_ITERATIONS && hi - lo > 1e-15; i++) {
            double x1 = hi - ratio * (hi - lo);
            double x2 = lo + ratio * (hi - lo);
            if (amdahlError(points, x1) <= amdahlError(points, x2)) {
                hi = x2;
            } else {
                lo = x1;
            }
        }
        double f = (lo + hi) / 2;
        return amdahlError(points, f) <= bestError ? f : (double) bestStep / AMDAHL_GRID;
    }

    private static double amdahlError(List<Point> points, double f) {
        double sum = 0;
        for (Point p : points) {
            double r = p.speedup() - amdahl(f, p.threads());
            sum += r * r;
        }
        return sum;
    }

    static double amdahl(double f, double threads) {
        return 1 / (f + (1 - f) / threads);
    }

    static double usl(double sigma, double kappa, double threads) {
        return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
    }

    /** @return the coefficient of determination of {@code model} on the speedups; NaN when they do not vary */
    private static double rSquared(List<Point> points, java.util.function.DoubleUnaryOperator model) {
        double mean = points.stream().mapToDouble(Point::speedup).average().orElse(0);
        double residual = 0;
        double total = 0;
        for (Point p : points) {
            residual += Math.pow(p.speedup() - model.applyAsDouble(p.threads()), 2);
            total += Math.pow(p.speedup() - mean, 2);
        }
        return total > 0 ? 1 - residual / total : Double.NaN;
    }

    private static String weakNote(double rSquared) {
        return rSquared < WEAK_R_SQUARED
                ? String.format(Locale.ROOT, "fits the measured speedups poorly (R² %.2f)", rSquared) : null;
    }

    private static long distinctCounts(List<Point> points) {
        return points.stream().mapToInt(Point::threads).distinct().count();
    }
}
