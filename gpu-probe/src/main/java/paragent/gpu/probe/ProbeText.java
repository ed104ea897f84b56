package paragent.gpu.probe;

import java.util.List;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.Direction;
import paragent.gpu.probe.ProbeReport.KernelThroughput;
import paragent.gpu.probe.ProbeReport.Memory;
import paragent.gpu.probe.ProbeReport.Platform;
import paragent.gpu.probe.ProbeReport.Transfer;

/**
 * The short text summary the probe prints: the devices, per direction and memory kind the latency
 * (smallest size) and bandwidth (largest size), launch latency, kernel throughput and the
 * conclusions. Stateless; thread-safe.
 */
final class ProbeText {

    private ProbeText() {
    }

    static String render(ProbeReport report) {
        StringBuilder out = new StringBuilder();
        for (Platform platform : report.platforms()) {
            out.append("platform ").append(platform.name()).append(" (").append(platform.version()).append(")\n");
            for (Device d : platform.devices()) {
                out.append(d.index() == report.device().index() ? "  * " : "    ").append("device ").append(d.index())
                        .append(": ").append(d.name()).append(", ").append(d.type()).append(", ")
                        .append(Units.bytes(d.globalMemBytes())).append(" memory, max allocation ")
                        .append(Units.bytes(d.maxAllocBytes())).append(", ").append(d.computeUnits())
                        .append(" compute units\n");
            }
        }
        for (Direction direction : Direction.values()) {
            for (Memory memory : Memory.values()) {
                List<Transfer> series = report.transfers().stream()
                        .filter(t -> t.direction() == direction && t.memory() == memory).toList();
                if (!series.isEmpty()) {
                    Transfer smallest = series.get(0);
                    Transfer largest = series.get(series.size() - 1);
                    out.append(String.format("%-15s %-9s %s takes %s; %s at %s%n", direction.label, memory.jsonName,
                            Units.bytes(smallest.bytes()), Units.seconds(smallest.device().medianSeconds()),
                            Units.rate(largest.bandwidthBytesPerSecond(), "B/s"), Units.bytes(largest.bytes())));
                }
            }
        }
        out.append("kernel launch latency ").append(Units.seconds(report.launchLatencySeconds())).append('\n');
        for (KernelThroughput k : report.kernels()) {
            out.append(String.format("%-15s %s over %s elements%n", k.name(), Units.rate(k.throughput(), k.unit()),
                    Units.count(k.elements())));
        }
        for (Crossover c : report.crossovers()) {
            out.append(c.conclusion()).append('\n');
        }
        return out.toString();
    }
}
