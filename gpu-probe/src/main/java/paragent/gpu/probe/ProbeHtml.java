package paragent.gpu.probe;

import java.util.ArrayList;
import java.util.List;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.Direction;
import paragent.gpu.probe.ProbeReport.KernelThroughput;
import paragent.gpu.probe.ProbeReport.Memory;
import paragent.gpu.probe.ProbeReport.OffloadPoint;
import paragent.gpu.probe.ProbeReport.Platform;
import paragent.gpu.probe.ProbeReport.Transfer;

/**
 * The probe's self-contained HTML page: devices, conclusions, and inline SVG charts of bandwidth
 * by size, kernel against transfer time, and host against offload time. No script, no external
 * resource; every measured or reported text is escaped. Stateless; thread-safe.
 */
final class ProbeHtml {

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
            + "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.conclusion{font-size:1.1em;"
            + "background:#f4f7fb;padding:.6em 1em;border-left:4px solid #1f77b4}"
            + "svg .plot{fill:none;stroke:#888}svg .grid{stroke:#eee}svg .tick{font-size:11px;fill:#555}"
            + "svg .axis,svg .legend{font-size:12px;fill:#222}";

    private ProbeHtml() {
    }

    static String render(ProbeReport report) {
        Device d = report.device();
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>paragent gpu-probe: ")
                .append(HtmlText.escape(d.name())).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>GPU probe: ").append(HtmlText.escape(d.name())).append("</h1>")
                .append("<p>Device ").append(d.index()).append(", ").append(HtmlText.escape(d.type())).append(", ")
                .append(HtmlText.escape(d.vendor())).append(", driver ").append(HtmlText.escape(d.driverVersion()))
                .append(". ").append(report.repeats()).append(" measured repeats after ").append(report.warmups())
                .append(" warm-ups per point; medians shown. The host's loops ran on ").append(report.hostThreads())
                .append(" cores.</p>");
        html.append("<h2>Conclusions</h2>");
        for (Crossover c : report.crossovers()) {
            html.append("<p class=\"conclusion\">").append(HtmlText.escape(c.conclusion())).append("</p>");
        }
        devices(html, report.platforms());
        transfers(html, report.transfers());
        kernels(html, report);
        crossovers(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void devices(StringBuilder html, List<Platform> platforms) {
        html.append("<h2>OpenCL platforms and devices</h2><table><tr><th>#</th><th>platform</th><th>device</th>"
                + "<th>type</th><th>global memory</th><th>max allocation</th><th>compute units</th>"
                + "<th>max work-group</th></tr>");
        for (Platform p : platforms) {
            for (Device d : p.devices()) {
                html.append("<tr><td class=\"num\">").append(d.index()).append("</td><td>")
                        .append(HtmlText.escape(p.name() + " " + p.version())).append("</td><td>")
                        .append(HtmlText.escape(d.name())).append("</td><td>").append(HtmlText.escape(d.type()))
                        .append("</td>").append(num(Units.bytes(d.globalMemBytes())))
                        .append(num(Units.bytes(d.maxAllocBytes()))).append(num(Long.toString(d.computeUnits())))
                        .append(num(Long.toString(d.maxWorkGroupSize()))).append("</tr>");
            }
        }
        html.append("</table>");
    }

    private static void transfers(StringBuilder html, List<Transfer> transfers) {
        List<SvgChart.Series> series = new ArrayList<>();
        int color = 0;
        for (Direction direction : Direction.values()) {
            for (Memory memory : Memory.values()) {
                List<double[]> points = transfers.stream().filter(t -> t.direction() == direction && t.memory() == memory)
                        .map(t -> new double[] {t.bytes(), t.bandwidthBytesPerSecond()}).toList();
                series.add(new SvgChart.Series(direction.label + ", " + memory.jsonName, COLORS[color++ % COLORS.length],
                        memory == Memory.PINNED, points));
            }
        }
        html.append("<h2>Transfers</h2><p>Bandwidth by transfer size, from OpenCL event profiling (command start to "
                + "end). Small transfers are dominated by a fixed latency; large ones approach the link's bandwidth. "
                + "Pinned memory is a mapped <code>CL_MEM_ALLOC_HOST_PTR</code> buffer.</p>")
                .append(SvgChart.render("Bandwidth by size", "bytes per transfer", "bandwidth", false, series,
                        x -> Units.bytes((long) x), y -> Units.rate(y, "B/s")));
        html.append("<table><tr><th>direction</th><th>memory</th><th>bytes</th><th>median</th><th>min</th><th>max</th>"
                + "<th>p10</th><th>p90</th><th>bandwidth</th><th>host wall (median)</th><th>queued (median)</th></tr>");
        for (Transfer t : transfers) {
            html.append("<tr><td>").append(HtmlText.escape(t.direction().label)).append("</td><td>")
                    .append(t.memory().jsonName).append("</td>").append(num(Units.bytes(t.bytes())))
                    .append(num(Units.seconds(t.device().medianSeconds()))).append(num(Units.seconds(t.device().minSeconds())))
                    .append(num(Units.seconds(t.device().maxSeconds()))).append(num(Units.seconds(t.device().p10Seconds())))
                    .append(num(Units.seconds(t.device().p90Seconds())))
                    .append(num(Units.rate(t.bandwidthBytesPerSecond(), "B/s")))
                    .append(num(Units.seconds(t.hostMedianSeconds()))).append(num(Units.seconds(t.queueMedianSeconds())))
                    .append("</tr>");
        }
        html.append("</table>");
    }

    private static void kernels(StringBuilder html, ProbeReport report) {
        html.append("<h2>Kernels</h2><p>Launch latency (an empty kernel, host wall time from enqueue to completion, "
                + "median): ").append(HtmlText.escape(Units.seconds(report.launchLatencySeconds()))).append(".</p>")
                .append("<table><tr><th>kernel</th><th>elements</th><th>device time (median)</th><th>throughput</th></tr>");
        for (KernelThroughput k : report.kernels()) {
            html.append("<tr><td>").append(HtmlText.escape(k.name())).append("</td>")
                    .append(num(Units.count(k.elements()))).append(num(Units.seconds(k.medianSeconds())))
                    .append(num(Units.rate(k.throughput(), k.unit()))).append("</tr>");
        }
        html.append("</table>");
        List<SvgChart.Series> series = new ArrayList<>();
        int color = 0;
        for (Crossover c : report.crossovers()) {
            String colour = COLORS[color++ % COLORS.length];
            series.add(new SvgChart.Series(c.kernel() + " kernel", colour, false,
                    points(c, p -> p.kernelSeconds())));
            series.add(new SvgChart.Series(c.kernel() + " copies", colour, true, points(c, p -> p.transferSeconds())));
        }
        html.append("<p>Device time of the kernel against the device time of its copies (operands in, result out), "
                + "by problem size. Where the dashed line lies above the solid one, moving the data costs more than "
                + "computing on it.</p>")
                .append(SvgChart.render("Kernel time against transfer time", "elements", "device time", true, series,
                        x -> Units.count((long) x), Units::seconds));
    }

    private static void crossovers(StringBuilder html, ProbeReport report) {
        List<SvgChart.Series> series = new ArrayList<>();
        int color = 0;
        for (Crossover c : report.crossovers()) {
            String colour = COLORS[color++ % COLORS.length];
            series.add(new SvgChart.Series(c.kernel() + " on host", colour, true, points(c, p -> p.hostSeconds())));
            series.add(new SvgChart.Series(c.kernel() + " offloaded", colour, false, points(c, p -> p.offloadSeconds())));
        }
        html.append("<h2>Offload crossover</h2><p>The same work on the host's cores (a parallel Java loop, dashed) "
                + "and offloaded (copies in, kernel, copy out, host wall time, solid). Offloading pays where the "
                + "solid line lies below the dashed one.</p>")
                .append(SvgChart.render("Host against offload time", "elements", "time", true, series,
                        x -> Units.count((long) x), Units::seconds));
        html.append("<table><tr><th>kernel</th><th>elements</th><th>bytes per array</th><th>host</th><th>offloaded</th>"
                + "<th>copies</th><th>kernel</th></tr>");
        for (Crossover c : report.crossovers()) {
            for (OffloadPoint p : c.points()) {
                html.append("<tr><td>").append(HtmlText.escape(c.kernel())).append("</td>")
                        .append(num(Units.count(p.elements()))).append(num(Units.bytes(p.bytes())))
                        .append(num(Units.seconds(p.hostSeconds()))).append(num(Units.seconds(p.offloadSeconds())))
                        .append(num(Units.seconds(p.transferSeconds()))).append(num(Units.seconds(p.kernelSeconds())))
                        .append("</tr>");
            }
        }
        html.append("</table>");
    }

    private static List<double[]> points(Crossover c, java.util.function.ToDoubleFunction<OffloadPoint> y) {
        return c.points().stream().map(p -> new double[] {p.elements(), y.applyAsDouble(p)}).toList();
    }

    private static String num(String text) {
        return "<td class=\"num\">" + HtmlText.escape(text) + "</td>";
    }
}
