package paragent.gpu.probe;

import java.util.List;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.KernelThroughput;
import paragent.gpu.probe.ProbeReport.OffloadPoint;
import paragent.gpu.probe.ProbeReport.Platform;
import paragent.gpu.probe.ProbeReport.Transfer;

/**
 * The probe's JSON, schema {@value #SCHEMA} (docs/GPU.md). {@code crossover} is the kernel whose
 * offload pays from the smallest size (the memory-bound one when none pays); {@code crossovers}
 * adds every kernel with its measured sizes. Numbers in seconds, bytes and elements; NaN and
 * infinities become null. Stateless; thread-safe.
 */
final class ProbeJson {

    static final String SCHEMA = "paragent/gpu-probe@1";

    private ProbeJson() {
    }

    static String render(ProbeReport report) {
        Json json = new Json();
        json.open('{').field("schema").string(SCHEMA);
        json.field("platforms").open('[');
        for (Platform platform : report.platforms()) {
            json.open('{').field("name").string(platform.name()).field("vendor").string(platform.vendor())
                    .field("version").string(platform.version()).field("devices").open('[');
            platform.devices().forEach(d -> device(json, d));
            json.close(']').close('}');
        }
        json.close(']');
        json.field("device");
        device(json, report.device());
        json.field("transfers").open('[');
        report.transfers().forEach(t -> transfer(json, t));
        json.close(']');
        json.field("launchLatencySeconds").number(report.launchLatencySeconds());
        json.field("kernels").open('[');
        report.kernels().forEach(k -> kernel(json, k));
        json.close(']');
        json.field("crossover");
        crossover(json, headline(report.crossovers()), false);
        json.field("crossovers").open('[');
        report.crossovers().forEach(c -> crossover(json, c, true));
        json.close(']');
        json.field("hostThreads").number(report.hostThreads());
        json.field("repeats").number(report.repeats()).field("warmups").number(report.warmups());
        return json.close('}').toString();
    }

    /** @return the crossover the report leads with: the earliest that pays, else the first kernel's */
    static Crossover headline(List<Crossover> crossovers) {
        return crossovers.stream().filter(c -> c.elements() != null)
                .min(java.util.Comparator.comparingLong(Crossover::elements)).orElse(crossovers.get(0));
    }

    private static void device(Json json, Device d) {
        json.open('{').field("index").number(d.index()).field("name").string(d.name()).field("type").string(d.type())
                .field("vendor").string(d.vendor()).field("driverVersion").string(d.driverVersion())
                .field("globalMemBytes").number(d.globalMemBytes()).field("maxAllocBytes").number(d.maxAllocBytes())
                .field("computeUnits").number(d.computeUnits()).field("maxWorkGroupSize").number(d.maxWorkGroupSize())
                .close('}');
    }

    private static void transfer(Json json, Transfer t) {
        json.open('{').field("direction").string(t.direction().jsonName).field("memory").string(t.memory().jsonName)
                .field("bytes").number(t.bytes())
                .field("medianSeconds").number(t.device().medianSeconds())
                .field("minSeconds").number(t.device().minSeconds())
                .field("maxSeconds").number(t.device().maxSeconds())
                .field("p10Seconds").number(t.device().p10Seconds())
                .field("p90Seconds").number(t.device().p90Seconds())
                .field("bandwidthBytesPerSecond").number(t.bandwidthBytesPerSecond())
                .field("hostMedianSeconds").number(t.hostMedianSeconds())
                .field("queueMedianSeconds").number(t.queueMedianSeconds())
                .close('}');
    }

    private static void kernel(Json json, KernelThroughput k) {
        json.open('{').field("name").string(k.name()).field("elements").number(k.elements())
                .field("medianSeconds").number(k.medianSeconds()).field("throughput").number(k.throughput())
                .field("unit").string(k.unit()).close('}');
    }

    private static void crossover(Json json, Crossover c, boolean withPoints) {
        json.open('{').field("kernel").string(c.kernel())
                .field("elements").number(c.elements()).field("bytes").number(c.bytes())
                .field("conclusion").string(c.conclusion());
        if (withPoints) {
            json.field("points").open('[');
            for (OffloadPoint p : c.points()) {
                json.open('{').field("elements").number(p.elements()).field("bytes").number(p.bytes())
                        .field("hostSeconds").number(p.hostSeconds()).field("offloadSeconds").number(p.offloadSeconds())
                        .field("transferSeconds").number(p.transferSeconds())
                        .field("kernelSeconds").number(p.kernelSeconds()).close('}');
            }
            json.close(']');
        }
        json.close('}');
    }

    /** A JSON text under construction; commas are placed automatically. Not thread-safe. */
    static final class Json {
        private final StringBuilder out = new StringBuilder(4096);
        private boolean needsComma;

        Json open(char bracket) {
            separate();
            out.append(bracket);
            needsComma = false;
            return this;
        }

        Json close(char bracket) {
            out.append(bracket);
            needsComma = true;
            return this;
        }

        Json field(String name) {
            string(name);
            out.append(':');
            needsComma = false;
            return this;
        }

        Json string(String s) {
            separate();
            if (s == null) {
                out.append("null");
                return this;
            }
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
            return this;
        }

        Json number(Long n) {
            separate();
            out.append(n == null ? "null" : n.toString());
            return this;
        }

        Json number(long n) {
            return number(Long.valueOf(n));
        }

        Json number(double d) {
            separate();
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
            return this;
        }

        private void separate() {
            if (needsComma) {
                out.append(',');
            }
            needsComma = true;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
