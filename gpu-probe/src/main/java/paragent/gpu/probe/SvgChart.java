package paragent.gpu.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

/**
 * An inline SVG line chart: a logarithmic x axis (sizes), a linear or logarithmic y axis, one
 * polyline with dots per series and a legend. Every text is escaped; no script, no external
 * resource. Stateless; thread-safe.
 */
final class SvgChart {

    /** A named line; points are {x, y} pairs with x and y > 0 (others are left out). */
    record Series(String name, String color, boolean dashed, List<double[]> points) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;

    private SvgChart() {
    }

    /**
     * @param xLabels how an x tick (a measured x) is written
     * @param yLabels how a y tick is written
     */
    static String render(String title, String xTitle, String yTitle, boolean logY, List<Series> series,
            DoubleFunction<String> xLabels, DoubleFunction<String> yLabels) {
        List<double[]> all = series.stream().flatMap(s -> s.points().stream()).filter(SvgChart::plottable).toList();
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>", WIDTH, HEIGHT, WIDTH, HEIGHT,
                HtmlText.escape(title)));
        if (all.isEmpty()) {
            return svg.append("<text x=\"20\" y=\"40\">no data</text></svg>").toString();
        }
        Axis x = Axis.of(all.stream().mapToDouble(p -> p[0]).toArray(), true, LEFT, WIDTH - RIGHT);
        Axis y = Axis.of(all.stream().mapToDouble(p -> p[1]).toArray(), logY, HEIGHT - BOTTOM, TOP);
        frame(svg, xTitle, yTitle);
        for (double tick : new TreeSet<>(all.stream().map(p -> p[0]).toList())) {
            double px = x.position(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>", px, TOP, px,
                    HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 16, HtmlText.escape(xLabels.apply(tick))));
        }
        for (double tick : y.ticks()) {
            double py = y.position(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>", LEFT, py,
                    WIDTH - RIGHT, py, LEFT - 6, py + 4, HtmlText.escape(yLabels.apply(tick))));
        }
        for (int i = 0; i < series.size(); i++) {
            line(svg, series.get(i), x, y, i);
        }
        return svg.append("</svg>").toString();
    }

    private static boolean plottable(double[] p) {
        return p[0] > 0 && p[1] > 0 && Double.isFinite(p[0]) && Double.isFinite(p[1]);
    }

    private static void frame(StringBuilder svg, String xTitle, String yTitle) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%s</text>"
                + "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 16 %d)\">%s</text>",
                LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP, (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10,
                HtmlText.escape(xTitle), (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2,
                HtmlText.escape(yTitle)));
    }

    private static void line(StringBuilder svg, Series s, Axis x, Axis y, int index) {
        List<String> coordinates = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (double[] p : s.points()) {
            if (plottable(p)) {
                double px = x.position(p[0]);
                double py = y.position(p[1]);
                coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py,
                        HtmlText.escape(s.color())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                String.join(" ", coordinates), HtmlText.escape(s.color()),
                s.dashed() ? " stroke-dasharray=\"6 4\"" : "")).append(dots);
        int legendY = TOP + 10 + index * 20;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", WIDTH - RIGHT + 12,
                legendY, WIDTH - RIGHT + 36, legendY, HtmlText.escape(s.color()),
                s.dashed() ? " stroke-dasharray=\"6 4\"" : "", WIDTH - RIGHT + 42, legendY + 4,
                HtmlText.escape(s.name())));
    }

    /** Maps values to pixels between two pixel positions, logarithmically or linearly from 0. */
    private record Axis(double low, double high, boolean log, double fromPixel, double toPixel) {

        static Axis of(double[] values, boolean log, double fromPixel, double toPixel) {
            double min = java.util.Arrays.stream(values).min().orElseThrow();
            double max = java.util.Arrays.stream(values).max().orElseThrow();
            if (log) {
                double low = Math.pow(10, Math.floor(Math.log10(min)));
                double high = Math.pow(10, Math.ceil(Math.log10(max)));
                return new Axis(low, high > low ? high : low * 10, true, fromPixel, toPixel);
            }
            return new Axis(0, max > 0 ? max * 1.1 : 1, false, fromPixel, toPixel);
        }

        double position(double value) {
            double fraction = log ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
            return fromPixel + fraction * (toPixel - fromPixel);
        }

        /** Decades on a log axis; five steps of a round size on a linear one. */
        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = low; t <= high * 1.0001; t *= 10) {
                    ticks.add(t);
                }
                return ticks;
            }
            double raw = high / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / magnitude < 2 ? 2 * magnitude : raw / magnitude < 5 ? 5 * magnitude : 10 * magnitude;
            for (double t = 0; t <= high; t += step) {
                ticks.add(t);
            }
            return ticks;
        }
    }
}
