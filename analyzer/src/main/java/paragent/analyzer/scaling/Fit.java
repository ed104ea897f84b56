package paragent.analyzer.scaling;

import java.util.Map;

/**
 * A scalability model fitted to the measured speedups. Immutable.
 *
 * @param model {@code amdahl} or {@code usl}
 * @param parameters the fitted parameters by name: {@code serialFraction} (Amdahl); {@code sigma}
 *     (contention) and {@code kappa} (coherency) (USL)
 * @param rSquared coefficient of determination of the fit on the speedups; NaN when undefined
 * @param bestThreads the thread count with the highest predicted speedup; null when unbounded
 * @param ceiling the highest predicted speedup; null when unbounded
 * @param usable whether enough distinct counts were measured to fit the model's parameters
 * @param note why a fit is unusable or weak; null when fine
 */
public record Fit(String model, Map<String, Double> parameters, double rSquared, Double bestThreads, Double ceiling,
                  boolean usable, String note) {

    public Fit {
        parameters = Map.copyOf(parameters);
    }
}
