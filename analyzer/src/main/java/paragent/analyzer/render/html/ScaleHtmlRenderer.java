package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.render.ScaleVerdict;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.Fit;
import paragent.analyzer.scaling.RunResult;
import paragent.analyzer.scaling.ScalingReport;
import paragent.analyzer.scaling.StackComponent;

/**
 * Writes the self-contained HTML report of a scaling analysis from the template {@code scale.html},
 * in the single-run report's style: verdict, warnings, the speedup curve, the speedup stacks, the
 * per-count table, the model fits, the findings at the largest count and the runs. Every string
 * from the recordings or the command line is HTML-escaped; the page has no script. Stateless;
 * thread-safe.
 */
public final class ScaleHtmlRenderer {

    /** The verdict is shown as good when no cause cost speedup and every count is at least this efficient. */
    static final double GOOD_EFFICIENCY = 0.9;

    private static final Template PAGE = Template.resource("/paragent/analyzer/render/html/scale.html");

    private ScaleHtmlRenderer() {
    }

    /** @return the whole page */
    public static String render(ScalingReport report) {
        Map<String, String> slots = new HashMap<>();
        slots.put("css", HtmlReportRenderer.CSS);
        slots.put("kindCss", KindPalette.css());
        slots.put("title", escape(report.command() == null ? "recordings" : Html.shortCommand(report.command(), 120)));
        slots.put("meta", escape(meta(report)));
        slots.put("verdict", escape(ScaleVerdict.sentence(report)));
        slots.put("verdictClass", good(report) ? " ok" : "");
        slots.put("warnings", HtmlReportRenderer.warnings(report.warnings()));
        slots.put("curve", SpeedupCurveSection.render(report.counts(), report.amdahl(), report.usl()));
        slots.put("stacks", SpeedupStackSection.render(report.counts()));
        slots.put("table", table(report.counts()));
        slots.put("fits", fits(report.amdahl(), report.usl()));
        slots.put("findings", HtmlReportRenderer.findings(report.findings()));
        slots.put("runs", runs(report.runs()));
        return PAGE.fill(slots);
    }

    private static boolean good(ScalingReport report) {
        return report.findings().isEmpty() && report.counts().stream()
                .allMatch(c -> c.efficiency() >= GOOD_EFFICIENCY);
    }

    private static String meta(ScalingReport report) {
        String counts = report.counts().stream().map(c -> Integer.toString(c.threads()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s%d cores · threads %s · %d run%s", report.command() == null
                ? "recordings given directly · " : "", report.cores(), counts, report.runs().size(),
                report.runs().size() == 1 ? "" : "s");
    }

    private static String table(List<CountResult> counts) {
        StringBuilder html = new StringBuilder("<table class=\"counts\">\n<tr><th class=\"num\">threads</th>"
                + "<th class=\"num\">runs</th><th class=\"num\">wall (median)</th><th class=\"num\">wall min–max</th>"
                + "<th class=\"num\">speedup</th><th class=\"num\">speedup min–max</th><th class=\"num\">efficiency</th>"
                + "<th class=\"num\">Karp–Flatt</th><th>largest cost</th></tr>\n");
        for (CountResult c : counts) {
            html.append("<tr><td class=\"num\">").append(c.threads()).append("</td><td class=\"num\">").append(c.runs())
                    .append("</td>").append(Html.secondsCell(c.wallSeconds()))
                    .append(num(String.format(Locale.ROOT, "%.2f–%.2f s", c.wallMinSeconds(), c.wallMaxSeconds())))
                    .append(num(String.format(Locale.ROOT, "%.2f", c.speedup())))
                    .append(num(String.format(Locale.ROOT, "%.2f–%.2f", c.speedupMin(), c.speedupMax())))
                    .append(num(Texts.percent(c.efficiency())))
                    .append(c.karpFlatt() == null ? "<td class=\"num na\">n/a</td>"
                            : num(String.format(Locale.ROOT, "%.3f", c.karpFlatt())))
                    .append("<td>").append(largestCost(c)).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String largestCost(CountResult c) {
        List<StackComponent> components = c.stack().components();
        if (components.isEmpty() || components.get(0).speedup() <= 0) {
            return "";
        }
        StackComponent top = components.get(0);
        return String.format(Locale.ROOT, "<span class=\"swatch %s\"></span>%s %.2f%s",
                KindPalette.cssClass(top.cause()), escape(top.cause()), top.speedup(),
                top.withinSpread() ? " <small>(within spread)</small>" : "");
    }

    private static String fits(Fit amdahl, Fit usl) {
        StringBuilder html = new StringBuilder("<table class=\"fits\">\n<tr><th>model</th><th>parameters</th>"
                + "<th class=\"num\">R²</th><th class=\"num\">best threads</th><th class=\"num\">ceiling</th>"
                + "<th>note</th></tr>\n");
        fit(html, "Amdahl", amdahl, String.format(Locale.ROOT, "serial fraction f = %s",
                parameter(amdahl, "serialFraction")));
        fit(html, "Universal Scalability Law", usl, String.format(Locale.ROOT, "contention σ = %s, coherency κ = %s",
                parameter(usl, "sigma"), parameter(usl, "kappa")));
        return html.append("</table>\n").toString();
    }

    private static void fit(StringBuilder html, String name, Fit fit, String parameters) {
        html.append("<tr").append(fit.usable() ? "" : " class=\"internal\"").append("><td>").append(name)
                .append(fit.usable() ? "" : " <small>(not usable)</small>").append("</td><td>")
                .append(escape(parameters)).append("</td>")
                .append(num(Double.isNaN(fit.rSquared()) ? "n/a" : String.format(Locale.ROOT, "%.3f", fit.rSquared())))
                .append(num(fit.bestThreads() == null ? "unbounded" : String.format(Locale.ROOT, "%.1f", fit.bestThreads())))
                .append(num(fit.ceiling() == null ? "none" : String.format(Locale.ROOT, "%.2f", fit.ceiling())))
                .append("<td>").append(escape(fit.note())).append("</td></tr>\n");
    }

    private static String parameter(Fit fit, String name) {
        Double value = fit.parameters().get(name);
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String runs(List<RunResult> runs) {
        StringBuilder html = new StringBuilder("<table class=\"runs\">\n<tr><th class=\"num\">threads</th>"
                + "<th class=\"num\">repeat</th><th class=\"num\">wall</th><th class=\"num\">CPU</th>"
                + "<th class=\"num\">workers</th><th class=\"num\">useful CPU</th><th>lost thread-seconds</th>"
                + "<th class=\"num\">foreign cores</th><th>recordings</th></tr>\n");
        for (RunResult r : runs) {
            html.append("<tr><td class=\"num\">").append(r.threads()).append("</td><td class=\"num\">")
                    .append(r.repeat()).append("</td>").append(Html.secondsCell(r.wallSeconds()))
                    .append(Html.secondsCell(r.cpuSeconds())).append("<td class=\"num\">").append(r.workerThreads())
                    .append("</td>").append(Html.secondsCell(r.usefulCpuSeconds())).append("<td>").append(lost(r))
                    .append("</td>").append(foreign(r)).append("<td>");
            for (String recording : r.recordings()) {
                html.append("<code>").append(escape(recording)).append("</code><br>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String lost(RunResult r) {
        return new TreeMap<FindingKind, Double>(r.lostThreadSeconds()).entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().name(), e.getValue()))
                .collect(Collectors.joining("<br>"));
    }

    private static String foreign(RunResult r) {
        String cores = r.foreignCores() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.foreignCores());
        return "<td class=\"num" + (r.foreignCores() == null ? " na" : "") + "\">" + cores
                + (r.disturbed() ? " <span class=\"disturbed\">disturbed</span>" : "") + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }
}
