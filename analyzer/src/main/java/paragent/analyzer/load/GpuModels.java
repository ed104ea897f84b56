package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.GpuInterval;
import paragent.analyzer.model.GpuKernelStats;
import paragent.analyzer.model.GpuModel;

/**
 * Builds the {@link GpuModel} from what the {@link GpuCollector} gathered. Stateless.
 *
 * <p>Clocks: a command's profiling times are on the device's clock. Per queue, the median of
 * {@code hostEnqueueNanos − queuedNanos} maps them to the agent JVM's {@code System.nanoTime};
 * the smallest difference between a command event's own time and its {@code hostEnqueueNanos}
 * maps that to the recording's wall clock (the event is written no earlier than the enqueue
 * returned, so the smallest difference is the closest).
 */
final class GpuModels {

    /** The name of a kernel whose name was not recorded. */
    static final String UNNAMED_KERNEL = "(unnamed kernel)";

    private static final double NANOS_PER_SECOND = 1e9;

    private GpuModels() {
    }

    static GpuModel gpu(GpuCollector in, long recordingStartNanos, long recordingEndNanos, List<String> warnings) {
        if (in.droppedCommands > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d OpenCL commands beyond the first %,d were not analyzed one"
                    + " by one; the GPU totals count them, the per-kernel transfers and the GPU lane do not",
                    in.droppedCommands, GpuCollector.MAX_COMMANDS));
        }
        List<long[]> intervals = epochIntervals(in.commands);
        double wallSeconds = Math.max(0, recordingEndNanos - recordingStartNanos) / NANOS_PER_SECOND;
        long[] totals = totals(in);
        double span = intervals.isEmpty() ? 0 : (intervals.stream().mapToLong(i -> i[1]).max().orElseThrow()
                - intervals.stream().mapToLong(i -> i[0]).min().orElseThrow()) / NANOS_PER_SECOND;
        double busy = Math.min(span, busyNanos(intervals) * coverage(in, totals) / NANOS_PER_SECOND);
        Map<Long, Double> waits = waitSeconds(in);
        return new GpuModel(kernels(in), totals[0] / NANOS_PER_SECOND, totals[1] / NANOS_PER_SECOND, totals[2],
                totals[3], busy, Math.max(0, span - busy),
                waits.values().stream().mapToDouble(Double::doubleValue).sum(),
                lane(intervals, recordingStartNanos, wallSeconds), waits);
    }

    /** Per Java thread, its seconds blocked on the device: busy time, like a lock wait's. */
    static Map<Long, Double> waitSeconds(GpuCollector in) {
        Map<Long, Double> seconds = new LinkedHashMap<>();
        in.waitNanosByThread.forEach((id, nanos) -> seconds.put(id, nanos / NANOS_PER_SECOND));
        return seconds;
    }

    /**
     * Transfer and kernel device nanoseconds, bytes to and from the device: from the summaries when
     * recorded (they count every command), else from the commands.
     */
    /**
     * How many times more device time the totals hold than the commands recorded one by one (the
     * agent rate-limits those): the busy time of the recorded commands' union is scaled by it, an
     * estimate that assumes the unrecorded commands overlapped like the recorded ones. 1 when every
     * command was recorded.
     */
    private static double coverage(GpuCollector in, long[] totals) {
        long recorded = in.commands.stream().mapToLong(GpuCollector.Command::deviceNanos).sum();
        long total = totals[0] + totals[1];
        return recorded > 0 && total > recorded ? (double) total / recorded : 1.0;
    }

    private static long[] totals(GpuCollector in) {
        long[] totals = new long[4];
        if (!in.summaries.isEmpty()) {
            in.summaries.forEach((key, s) -> add(totals, key.get(0), s[1], s[2]));
        } else {
            for (GpuCollector.Command c : in.commands) {
                add(totals, c.kind(), c.bytes(), c.deviceNanos());
            }
        }
        return totals;
    }

    private static void add(long[] totals, String kind, long bytes, long deviceNanos) {
        totals["kernel".equals(kind) ? 1 : 0] += deviceNanos;
        if ("write".equals(kind)) {
            totals[2] += bytes;
        } else if ("read".equals(kind)) {
            totals[3] += bytes;
        }
    }

    /** Per kernel: launches and time from the summaries where recorded, transfers attributed from the commands. */
    private static List<GpuKernelStats> kernels(GpuCollector in) {
        Map<String, Attributed> byKernel = attribute(in.commands);
        Map<String, long[]> summarized = new LinkedHashMap<>();
        in.summaries.forEach((key, s) -> {
            if ("kernel".equals(key.get(0))) {
                long[] k = summarized.computeIfAbsent(key.get(1).isEmpty() ? UNNAMED_KERNEL : key.get(1),
                        n -> new long[2]);
                k[0] += s[0];
                k[1] += s[2];
            }
        });
        List<String> names = new ArrayList<>(byKernel.keySet());
        summarized.keySet().stream().filter(n -> !byKernel.containsKey(n)).forEach(names::add);
        List<GpuKernelStats> kernels = new ArrayList<>();
        for (String name : names) {
            Attributed a = byKernel.getOrDefault(name, new Attributed());
            long[] s = summarized.get(name);
            long launches = s != null ? Math.max(s[0], a.launches) : a.launches;
            long kernelNanos = s != null ? s[1] : a.kernelNanos;
            // Commands beyond the agent's per-second cap are only in the summaries: scale up what was seen.
            double scale = a.launches > 0 ? (double) launches / a.launches : 0;
            kernels.add(new GpuKernelStats(name, launches, kernelNanos / NANOS_PER_SECOND,
                    Math.round(a.transferBytes * scale), a.transferNanos * scale / NANOS_PER_SECOND, a.topSite()));
        }
        kernels.sort(Comparator.comparingLong(GpuKernelStats::bytesPerLaunch).reversed()
                .thenComparing(Comparator.comparingDouble(GpuKernelStats::kernelSeconds).reversed()));
        return kernels;
    }

    /** What the commands say about one kernel. Confined to one build. */
    private static final class Attributed {
        long launches;
        long kernelNanos;
        long transferBytes;
        long transferNanos;
        final Map<String, Long> sites = new HashMap<>();

        String topSite() {
            return sites.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    /**
     * Walks the commands in host enqueue order: the transfers since the previous launch of any
     * kernel go to the next launch; those after the last launch (its results' read-back) to it.
     */
    private static Map<String, Attributed> attribute(List<GpuCollector.Command> commands) {
        List<GpuCollector.Command> ordered = new ArrayList<>(commands);
        ordered.sort(Comparator.comparingLong(GpuCollector.Command::hostEnqueueNanos));
        Map<String, Attributed> byKernel = new LinkedHashMap<>();
        long pendingBytes = 0;
        long pendingNanos = 0;
        Attributed last = null;
        for (GpuCollector.Command c : ordered) {
            if (!c.kernel()) {
                pendingBytes += c.bytes();
                pendingNanos += c.deviceNanos();
                continue;
            }
            last = byKernel.computeIfAbsent(c.kernelName() == null ? UNNAMED_KERNEL : c.kernelName(),
                    n -> new Attributed());
            last.launches++;
            last.kernelNanos += c.deviceNanos();
            last.transferBytes += pendingBytes;
            last.transferNanos += pendingNanos;
            if (c.site() != null) {
                last.sites.merge(c.site(), 1L, Long::sum);
            }
            pendingBytes = 0;
            pendingNanos = 0;
        }
        if (last != null) {
            last.transferBytes += pendingBytes;
            last.transferNanos += pendingNanos;
        }
        return byKernel;
    }

    /**
     * Every command with device times as {@code [start, end, kernel ? 1 : 0]} in epoch nanoseconds
     * (see the class comment); commands without profiling times are left out.
     */
    private static List<long[]> epochIntervals(List<GpuCollector.Command> commands) {
        List<long[]> intervals = new ArrayList<>();
        long hostToEpoch = Long.MAX_VALUE;
        Map<Long, List<Long>> hostMinusDevice = new HashMap<>();
        for (GpuCollector.Command c : commands) {
            hostToEpoch = Math.min(hostToEpoch, c.eventEpochNanos() - c.hostEnqueueNanos());
            if (c.queuedNanos() > 0) {
                hostMinusDevice.computeIfAbsent(c.queueId(), q -> new ArrayList<>())
                        .add(c.hostEnqueueNanos() - c.queuedNanos());
            }
        }
        Map<Long, Long> deviceToHost = new HashMap<>();
        hostMinusDevice.forEach((queue, offsets) -> deviceToHost.put(queue, median(offsets)));
        for (GpuCollector.Command c : commands) {
            Long offset = deviceToHost.get(c.queueId());
            if (offset != null && c.startNanos() > 0 && c.endNanos() >= c.startNanos()) {
                long shift = offset + hostToEpoch;
                intervals.add(new long[] {c.startNanos() + shift, c.endNanos() + shift, c.kernel() ? 1 : 0});
            }
        }
        return intervals;
    }

    private static long median(List<Long> values) {
        values.sort(null);
        return values.get(values.size() / 2);
    }

    /** @return the length of the union of the intervals */
    private static long busyNanos(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        long busy = 0;
        long coveredTo = Long.MIN_VALUE;
        for (long[] i : sorted) {
            long from = Math.max(i[0], coveredTo);
            if (i[1] > from) {
                busy += i[1] - from;
                coveredTo = i[1];
            }
        }
        return busy;
    }

    /**
     * The lane: per kind, intervals closer than {@link GpuModel#LANE_MERGE_FRACTION} of the
     * recording merged (so at most about 1/fraction per kind), in seconds from the recording's start
     * clipped to it, then both kinds in time order.
     */
    private static List<GpuInterval> lane(List<long[]> intervals, long recordingStartNanos, double wallSeconds) {
        long gapNanos = (long) (wallSeconds * GpuModel.LANE_MERGE_FRACTION * NANOS_PER_SECOND);
        List<GpuInterval> lane = new ArrayList<>();
        for (int kernel = 0; kernel <= 1; kernel++) {
            String kind = kernel == 1 ? GpuInterval.KERNEL : GpuInterval.TRANSFER;
            List<long[]> ofKind = new ArrayList<>();
            for (long[] i : intervals) {
                if (i[2] == kernel) {
                    ofKind.add(i);
                }
            }
            ofKind.sort(Comparator.comparingLong(i -> i[0]));
            long[] open = null;
            for (long[] i : ofKind) {
                if (open != null && i[0] - open[1] <= gapNanos) {
                    open[1] = Math.max(open[1], i[1]);
                    continue;
                }
                if (open != null) {
                    lane.add(interval(open, kind, recordingStartNanos, wallSeconds));
                }
                open = new long[] {i[0], i[1]};
            }
            if (open != null) {
                lane.add(interval(open, kind, recordingStartNanos, wallSeconds));
            }
        }
        lane.sort(Comparator.comparingDouble(GpuInterval::startSeconds));
        return lane;
    }

    private static GpuInterval interval(long[] epoch, String kind, long recordingStartNanos, double wallSeconds) {
        double start = Math.min(wallSeconds, Math.max(0, (epoch[0] - recordingStartNanos) / NANOS_PER_SECOND));
        double end = Math.min(wallSeconds, Math.max(start, (epoch[1] - recordingStartNanos) / NANOS_PER_SECOND));
        return new GpuInterval(start, end, kind);
    }
}
