package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.bytesCell;
import static paragent.analyzer.render.html.Html.codeCell;
import static paragent.analyzer.render.html.Html.countCell;
import static paragent.analyzer.render.html.Html.escape;
import static paragent.analyzer.render.html.Html.secondsCell;

import java.util.Locale;
import paragent.analyzer.model.GpuInterval;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;
import paragent.analyzer.model.Timeline;

/**
 * One process's OpenCL device use: the "GPU" section (transfer against kernel time, bytes each
 * way, the device's busy and idle time, and per kernel its launches, time, bytes per launch,
 * transfer time and enqueue site), and the GPU lane of the thread timeline. The lane is an inline
 * SVG strip drawn here, not by the report's script: transfers on its upper half, kernels on its
 * lower half, each interval with its times as a tooltip. Colors are the {@code gpu-transfer} and
 * {@code gpu-kernel} classes of the template's CSS. Every recorded string is escaped. Stateless;
 * thread-safe.
 */
final class GpuSection {

    /** The lane's SVG user units across the timeline's span. */
    static final int LANE_UNITS = 1_000;
    /** Intervals narrower than this many units are widened to it, so that they stay visible. */
    static final double MIN_INTERVAL_UNITS = 2;

    private GpuSection() {
    }

    /** @return the section with its heading, or "" when the process used no GPU */
    static String render(GpuModel gpu) {
        if (gpu.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"gpu\">GPU</h2>\n").append(legend());
        double device = gpu.transferSeconds() + gpu.kernelSeconds();
        if (device > 0) {
            html.append(String.format(Locale.ROOT, "<div class=\"bar\"><span class=\"gpu-transfer\" style=\"width:"
                            + "%.2f%%\" title=\"transfers\"></span><span class=\"gpu-kernel\" style=\"width:%.2f%%\""
                            + " title=\"kernels\"></span></div>\n", 100 * gpu.transferSeconds() / device,
                    100 * gpu.kernelSeconds() / device));
        }
        html.append("<table class=\"comparison\">\n");
        row(html, "device time on transfers", secondsCell(gpu.transferSeconds()));
        row(html, "device time on kernels", secondsCell(gpu.kernelSeconds()));
        row(html, "bytes to the device", bytesCell(gpu.bytesToDevice()));
        row(html, "bytes from the device", bytesCell(gpu.bytesFromDevice()));
        row(html, "device busy", secondsCell(gpu.deviceBusySeconds()));
        row(html, "device idle (first to last command)", secondsCell(gpu.deviceIdleSeconds()));
        row(html, "host threads blocked on the device", secondsCell(gpu.hostWaitSeconds()));
        html.append("</table>\n");
        if (!gpu.kernels().isEmpty()) {
            html.append("<h3>Kernels</h3>\n<table>\n<tr><th>kernel</th><th class=\"num\">launches</th>"
                    + "<th class=\"num\">kernel time</th><th class=\"num\">bytes per launch</th>"
                    + "<th class=\"num\">transfer time</th><th>enqueued at</th></tr>\n");
            for (GpuKernelStats k : Html.firstRows(gpu.kernels())) {
                html.append("<tr>").append(codeCell(k.kernelName())).append(countCell(k.launches()))
                        .append(secondsCell(k.kernelSeconds())).append(bytesCell(k.bytesPerLaunch()))
                        .append(secondsCell(k.transferSeconds())).append(codeCell(k.site())).append("</tr>\n");
            }
            html.append("</table>\n").append(Html.moreRows(gpu.kernels().size(), "kernels"));
        }
        return html.toString();
    }

    /** @return the legend of the two colors */
    static String legend() {
        return "<p class=\"legend\"><span class=\"gpu-transfer\"></span>GPU transfers"
                + "<span class=\"gpu-kernel\"></span>GPU kernels</p>\n";
    }

    /** @return the timeline row of the device's intervals, or "" without any */
    static String lane(GpuModel gpu, Timeline timeline) {
        double span = timeline.buckets() * timeline.bucketSeconds();
        if (gpu.lane().isEmpty() || span <= 0) {
            return "";
        }
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT, "<div class=\"row gpu\"><span class=\"name\""
                + " title=\"OpenCL device: transfers above, kernels below\">GPU</span><svg class=\"lane gpu\""
                + " viewBox=\"0 0 %d 2\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"GPU transfers and"
                + " kernels\">", LANE_UNITS));
        for (GpuInterval i : gpu.lane()) {
            double x = LANE_UNITS * i.startSeconds() / span;
            double width = Math.max(MIN_INTERVAL_UNITS, LANE_UNITS * (i.endSeconds() - i.startSeconds()) / span);
            html.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"1\">"
                            + "<title>%s %.3f–%.3f s</title></rect>", i.kernel() ? "gpu-kernel" : "gpu-transfer", x,
                    i.kernel() ? 1 : 0, width, escape(i.kind()), i.startSeconds(), i.endSeconds()));
        }
        return html.append("</svg></div>\n").toString();
    }

    private static void row(StringBuilder html, String label, String valueCell) {
        html.append("<tr><td>").append(label).append("</td>").append(valueCell).append("</tr>\n");
    }
}
