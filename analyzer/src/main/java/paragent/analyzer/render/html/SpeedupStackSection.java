package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.SpeedupCurveSection.BOTTOM;
import static paragent.analyzer.render.html.SpeedupCurveSection.HEIGHT;
import static paragent.analyzer.render.html.SpeedupCurveSection.LEFT;
import static paragent.analyzer.render.html.SpeedupCurveSection.RIGHT;
import static paragent.analyzer.render.html.SpeedupCurveSection.WIDTH;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.SpeedupStack;
import paragent.analyzer.scaling.StackComponent;

/**
 * The speedup stacks of a scaling analysis as inline SVG: per thread count one bar of height N, the
 * achieved speedup at the bottom, the causes above it (largest first), the unexplained remainder
 * hatched on top, and a dashed mark at N. A negative layer (a cause that cost less than at 1 thread,
 * or a negative remainder) is drawn as a dashed outline beside the bar, reaching down from its top.
 * Then the legend and the stacks' notes. Stateless; thread-safe.
 */
final class SpeedupStackSection {

    /** Layers shorter than this many pixels get no value label. */
    private static final double LABEL_MIN_PIXELS = 15;

    private SpeedupStackSection() {
    }

    /** @return the chart, its legend and the notes of the stacks that must be read with care */
    static String render(List<CountResult> counts) {
        double top = 1;
        for (CountResult c : counts) {
            top = Math.max(top, Math.max(c.stack().ideal(), positiveHeight(c.stack())));
        }
        double step = SpeedupCurveSection.step(top);
        SpeedupCurveSection.Axes axes = new SpeedupCurveSection.Axes(1, Math.ceil(top / step) * step);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart stacks\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"speedup stacks\">\n"
                + "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eee\"/>"
                + "<rect width=\"3\" height=\"6\" fill=\"#bdbdbd\"/></pattern></defs>\n", WIDTH, HEIGHT));
        SpeedupCurveSection.yAxis(svg, axes, step, "threads (speedup)");
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, counts.size());
        double width = Math.min(90, slot * 0.5);
        for (int i = 0; i < counts.size(); i++) {
            bar(svg, axes, counts.get(i), LEFT + slot * (i + 0.5) - width / 2, width);
        }
        svg.append("</svg>\n");
        return svg + legend(counts) + notes(counts);
    }

    /** @return the height of the bar's positive layers: achieved, positive causes, positive remainder */
    private static double positiveHeight(SpeedupStack s) {
        double height = Math.max(0, s.achieved()) + Math.max(0, s.unexplained());
        for (StackComponent c : s.components()) {
            height += Math.max(0, c.speedup());
        }
        return height;
    }

    private static void bar(StringBuilder svg, SpeedupCurveSection.Axes axes, CountResult count, double x,
                            double width) {
        SpeedupStack s = count.stack();
        svg.append("<g class=\"stack\">\n");
        double base = layer(svg, axes, x, width, 0, s.achieved(), "k-achieved", null,
                String.format(Locale.ROOT, "achieved speedup %.2f of %d", s.achieved(), s.threads()));
        double top = positiveHeight(s);
        double below = top;
        for (StackComponent c : s.components()) {
            String title = String.format(Locale.ROOT, "%s: %.2f of %d threads (%.2f thread-seconds)%s", c.cause(),
                    c.speedup(), s.threads(), c.lostThreadSeconds(),
                    c.withinSpread() ? " — within the repeats' spread" : "");
            if (c.speedup() >= 0) {
                base = layer(svg, axes, x, width, base, c.speedup(), KindPalette.cssClass(c.cause()), null, title);
            } else {
                below = negative(svg, axes, x + width + 3, below, -c.speedup(), title);
            }
        }
        String remainder = String.format(Locale.ROOT, "unexplained: %.2f of %d threads", s.unexplained(), s.threads());
        if (s.unexplained() >= 0) {
            layer(svg, axes, x, width, base, s.unexplained(), null, "url(#hatch)", remainder);
        } else {
            negative(svg, axes, x + width + 3, below, -s.unexplained(), remainder);
        }
        double ideal = axes.y(s.ideal());
        svg.append(String.format(Locale.ROOT, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\">"
                + "<title>ideal: %d</title></line>\n", x - 6, ideal, x + width + 14, ideal, s.threads()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d thread%s</text>\n"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">S %.2f · %.0f%%</text>\n</g>\n",
                x + width / 2, HEIGHT - BOTTOM + 16.0, count.threads(), count.threads() == 1 ? "" : "s",
                x + width / 2, HEIGHT - BOTTOM + 31.0, count.speedup(), 100 * count.efficiency()));
    }

    /** Draws one positive layer from {@code base} up; @return its top */
    private static double layer(StringBuilder svg, SpeedupCurveSection.Axes axes, double x, double width, double base,
                                double value, String cssClass, String fill, String title) {
        if (value <= 0) {
            return base;
        }
        double y = axes.y(base + value);
        double height = axes.y(base) - y;
        svg.append(String.format(Locale.ROOT, "<rect%s%s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                + "<title>%s</title></rect>\n", cssClass == null ? "" : " class=\"" + cssClass + "\"",
                fill == null ? "" : " fill=\"" + fill + "\"", x, y, width, height, escape(title)));
        if (height >= LABEL_MIN_PIXELS) {
            svg.append(String.format(Locale.ROOT, "<text class=\"seg\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                    + "%.2f</text>\n", x + width / 2, y + height / 2 + 4, value));
        }
        return base + value;
    }

    /** Draws a negative layer as an outline reaching down from {@code from}; @return its bottom */
    private static double negative(StringBuilder svg, SpeedupCurveSection.Axes axes, double x, double from,
                                   double magnitude, String title) {
        double bottom = Math.max(0, from - magnitude);
        svg.append(String.format(Locale.ROOT, "<rect class=\"negative\" x=\"%.1f\" y=\"%.1f\" width=\"8\" "
                + "height=\"%.1f\"><title>%s (less than at 1 thread)</title></rect>\n", x, axes.y(from),
                axes.y(bottom) - axes.y(from), escape(title)));
        return bottom;
    }

    private static String legend(List<CountResult> counts) {
        Set<String> causes = new LinkedHashSet<>();
        for (CountResult c : counts) {
            for (StackComponent component : c.stack().components()) {
                causes.add(component.cause());
            }
        }
        StringBuilder html = new StringBuilder("<p class=\"legend\"><span class=\"k-achieved\"></span>achieved");
        for (String cause : causes) {
            html.append("<span class=\"").append(KindPalette.cssClass(cause)).append("\"></span>").append(escape(cause));
        }
        return html.append("<span class=\"unexplained\"></span>unexplained"
                + "<span class=\"level-mark\"></span>ideal (N)</p>\n").toString();
    }

    private static String notes(List<CountResult> counts) {
        StringBuilder html = new StringBuilder();
        for (CountResult c : counts) {
            if (c.stack().note() != null) {
                html.append("<p class=\"note\">").append(c.threads()).append(" threads: ").append(escape(c.stack().note()))
                        .append("</p>\n");
            }
        }
        return html.toString();
    }
}
