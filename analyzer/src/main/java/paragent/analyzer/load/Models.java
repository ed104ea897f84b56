package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.model.WaitDistribution;

/** Builds the executor, process and GC parts of the model from what the collector gathered. Stateless. */
final class Models {

    private static final double NANOS_PER_SECOND = 1e9;

    private Models() {
    }

    /** The executors that ran or were given tasks, most tasks first. */
    static List<ExecutorModel> executors(EventCollector in, List<ThreadTime> threads, Timeline timeline) {
        Map<Long, ThreadTime> byId = new HashMap<>();
        threads.forEach(t -> byId.put(t.javaId(), t));
        List<ExecutorModel> result = new ArrayList<>();
        for (ExecutorData e : in.executors.values()) {
            if (e.tasks == 0 && e.submits == 0) {
                continue;
            }
            double idle = 0;
            for (long id : e.workerIds) {
                idle += timeline.total(id, ThreadState.PARKED_IDLE);
            }
            String site = e.submitSites.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            result.add(new ExecutorModel(e.executorId, e.executorClass, e.kind, e.parallelism,
                    poolName(e, byId), e.creationSite, e.tasks, e.submits, e.submitNanos,
                    distribution(e.queueWaitNanos, -1), distribution(e.runTimeNanos, e.runNanos), site,
                    List.copyOf(e.workerIds), idle));
        }
        result.sort(Comparator.comparingLong(ExecutorModel::tasks).reversed());
        return result;
    }

    /** The most common group name of the pool's workers, else its class's simple name and id. */
    private static String poolName(ExecutorData e, Map<Long, ThreadTime> threads) {
        Map<String, Integer> groups = new HashMap<>();
        for (long id : e.workerIds) {
            ThreadTime t = threads.get(id);
            if (t != null && t.group() != null) {
                groups.merge(t.group(), 1, Integer::sum);
            }
        }
        return groups.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseGet(() -> {
                    String cls = e.executorClass == null ? "executor" : e.executorClass;
                    return cls.substring(cls.lastIndexOf('.') + 1) + "#" + e.executorId;
                });
    }

    /** @param totalNanos the exact total, or negative to estimate it from the histogram's mean */
    private static WaitDistribution distribution(Histogram h, long totalNanos) {
        long count = h.getTotalCount();
        long total = totalNanos >= 0 ? totalNanos : Math.round(h.getMean() * count);
        return WaitDistribution.of(h, count, total);
    }

    /** The JVM's CPU (integrated jdk.CPULoad) and the child processes. */
    static ProcessModel processes(EventCollector in, int processors) {
        Double user = null;
        Double system = null;
        Double machine = null;
        if (!in.cpuLoads.isEmpty()) {
            List<double[]> loads = in.cpuLoads;
            // Each reading is the average since the previous one; JFR reads once a second, so the
            // average of the readings over the recording's length is steadier than summing periods.
            double u = 0;
            double s = 0;
            double m = 0;
            for (double[] load : loads) {
                u += load[1];
                s += load[2];
                m += load[3];
            }
            double coreSeconds = processors * Math.max(0, in.recordingEndNanos - in.recordingStartNanos) / NANOS_PER_SECOND;
            user = u / loads.size() * coreSeconds;
            system = s / loads.size() * coreSeconds;
            machine = m / loads.size();
        }
        List<ChildProcess> children = new ArrayList<>();
        List<ProcessData> spawned = new ArrayList<>(in.processes);
        spawned.sort(Comparator.comparingLong(p -> p.spawnStartNanos));
        for (ProcessData p : spawned) {
            children.add(new ChildProcess(p.pid, p.command, p.spawnNanos / NANOS_PER_SECOND, p.spawnSite,
                    p.spawnerJavaId, p.lifetimeNanos == null ? null : p.lifetimeNanos / NANOS_PER_SECOND,
                    p.cpuNanos == null ? null : p.cpuNanos / NANOS_PER_SECOND, p.exitCode, p.error,
                    p.spawnStartNanos == 0 ? null : (p.spawnStartNanos - in.recordingStartNanos) / NANOS_PER_SECOND));
        }
        return new ProcessModel(user, system, machine, children);
    }

    /**
     * @return a JVM class name as Java writes it: an array descriptor ({@code [B},
     *     {@code [Ljava.lang.String;}) as {@code byte[]}, a lambda's hidden class
     *     ({@code app.Main$$Lambda$12+0x0000...}) as {@code app.Main$$Lambda}
     */
    static String javaName(String className) {
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) {
            return className.substring(0, lambda + "$$Lambda".length());
        }
        int dims = 0;
        while (dims < className.length() && className.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return className;
        }
        String element = className.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dims);
    }

    /** Pauses, the collector that paused most, and the most-allocated class with its top site. */
    static GcModel gc(EventCollector in) {
        Map<String, Long> pauseByCollector = new HashMap<>();
        in.gcPauseNanosById.forEach((id, nanos) ->
                pauseByCollector.merge(in.gcNames.getOrDefault(id, "GC"), nanos, Long::sum));
        String collector = pauseByCollector.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        long totalWeight = in.allocationWeight.values().stream().mapToLong(Long::longValue).sum();
        Map.Entry<String, Long> top = in.allocationWeight.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(null);
        String topSite = top == null ? null : in.allocationSites.getOrDefault(top.getKey(), Map.of()).entrySet()
                .stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new GcModel(in.gcPauses.added(), in.gcPauses.sumOfDifferences() / NANOS_PER_SECOND, collector,
                top == null ? null : javaName(top.getKey()), topSite,
                top == null || totalWeight == 0 ? 0 : (double) top.getValue() / totalWeight);
    }
}
