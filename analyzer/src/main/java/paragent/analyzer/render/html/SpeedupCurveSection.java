package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.Fit;

/**
 * The speedup curve of a scaling analysis as inline SVG: x = threads, y = speedup; the ideal line
 * {@code S = N}, the measured medians joined, each with a whisker from its slowest to its fastest
 * repeat, and the Amdahl and USL fits drawn where they are usable. Stateless; thread-safe.
 */
final class SpeedupCurveSection {

    static final int WIDTH = 760;
    static final int HEIGHT = 380;
    static final int LEFT = 50;
    static final int RIGHT = 45;
    static final int TOP = 15;
    static final int BOTTOM = 45;
    /** Points per fitted curve. */
    private static final int SAMPLES = 80;

    private SpeedupCurveSection() {
    }

    /** @return the chart and its legend */
    static String render(List<CountResult> counts, Fit amdahl, Fit usl) {
        int maxThreads = Math.max(2, counts.stream().mapToInt(CountResult::threads).max().orElse(2));
        double top = maxThreads;
        for (CountResult c : counts) {
            top = Math.max(top, c.speedupMax());
        }
        double yStep = step(top);
        Axes axes = new Axes(maxThreads, Math.ceil(top / yStep) * yStep);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart curve\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"speedup by thread count\">\n",
                WIDTH, HEIGHT));
        yAxis(svg, axes, yStep, "speedup");
        for (CountResult c : counts) {
            double x = axes.x(c.threads());
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
                    x, TOP, x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 16, c.threads()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">threads</text>\n",
                LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 8));
        svg.append(String.format(Locale.ROOT, "<line class=\"ideal\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\">"
                + "<title>ideal: speedup = threads</title></line>\n", axes.x(0), axes.y(0), axes.x(maxThreads),
                axes.y(maxThreads)));
        if (amdahl.usable()) {
            fitCurve(svg, axes, "amdahl", amdahlCurve(amdahl), "Amdahl fit");
        }
        if (usl.usable()) {
            fitCurve(svg, axes, "usl", uslCurve(usl), "USL fit");
        }
        measured(svg, axes, counts);
        svg.append("</svg>\n");
        return svg + legend(amdahl, usl);
    }

    /** @return a round tick step giving at most about eight ticks up to {@code max}: 1, 2 or 5 × 10^k */
    static double step(double max) {
        double raw = max / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Writes the y axis with its grid lines and tick labels and its title. */
    static void yAxis(StringBuilder svg, Axes axes, double step, String title) {
        for (int i = 0; i * step <= axes.yMax() + 1e-9; i++) {
            double y = axes.y(i * step);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, y, WIDTH - RIGHT, y,
                    LEFT - 6, y + 4, tick(i * step)));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", LEFT, TOP, LEFT, HEIGHT - BOTTOM,
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>\n", TOP + (HEIGHT - TOP - BOTTOM) / 2.0, escape(title)));
    }

    private static String tick(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static DoubleUnaryOperator amdahlCurve(Fit fit) {
        double f = fit.parameters().getOrDefault("serialFraction", 0.0);
        return n -> 1 / (f + (1 - f) / n);
    }

    private static DoubleUnaryOperator uslCurve(Fit fit) {
        double sigma = fit.parameters().getOrDefault("sigma", 0.0);
        double kappa = fit.parameters().getOrDefault("kappa", 0.0);
        return n -> n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    private static void fitCurve(StringBuilder svg, Axes axes, String cssClass, DoubleUnaryOperator speedup,
                                 String title) {
        svg.append("<polyline class=\"").append(cssClass).append("\" points=\"");
        for (int i = 0; i <= SAMPLES; i++) {
            double n = 1 + (axes.xMax() - 1) * i / SAMPLES;
            double s = Math.min(axes.yMax(), Math.max(0, speedup.applyAsDouble(n)));
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(n), axes.y(s)));
        }
        svg.append("\"><title>").append(escape(title)).append("</title></polyline>\n");
    }

    private static void measured(StringBuilder svg, Axes axes, List<CountResult> counts) {
        svg.append("<polyline class=\"measured\" points=\"");
        for (CountResult c : counts) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(c.threads()), axes.y(c.speedup())));
        }
        svg.append("\"/>\n");
        for (CountResult c : counts) {
            double x = axes.x(c.threads());
            double low = axes.y(c.speedupMin());
            double high = axes.y(c.speedupMax());
            String title = escape(String.format(Locale.ROOT, "%d threads: speedup %.2f (%.2f–%.2f over %d run%s), "
                    + "efficiency %s", c.threads(), c.speedup(), c.speedupMin(), c.speedupMax(), c.runs(),
                    c.runs() == 1 ? "" : "s", Texts.percent(c.efficiency())));
            svg.append(String.format(Locale.ROOT, "<g class=\"count\"><title>%s</title>"
                    + "<line class=\"whisker\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<line class=\"whisker\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<line class=\"whisker\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\">%.2f</text></g>\n", title, x, low, x, high, x - 5, low, x + 5, low,
                    x - 5, high, x + 5, high, x, axes.y(c.speedup()), x + 8, axes.y(c.speedup()) + 14, c.speedup()));
        }
    }

    private static String legend(Fit amdahl, Fit usl) {
        StringBuilder html = new StringBuilder("<p class=\"legend\"><span class=\"line\"></span>measured median, "
                + "whiskers from the slowest to the fastest repeat<span class=\"line ideal\"></span>ideal");
        if (amdahl.usable()) {
            html.append("<span class=\"line amdahl\"></span>Amdahl fit");
        }
        if (usl.usable()) {
            html.append("<span class=\"line usl\"></span>USL fit");
        }
        return html.append("</p>\n").toString();
    }

    /**
     * Maps threads and speedups to the chart's pixels; both axes start at 0.
     *
     * @param xMax the largest thread count
     * @param yMax the top of the y axis
     */
    record Axes(double xMax, double yMax) {

        double x(double threads) {
            return LEFT + threads / xMax * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - value / yMax * (HEIGHT - TOP - BOTTOM);
        }
    }
}
