package paragent.analyzer.scaling;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadTime;

/**
 * The workers' sampled CPU time of one run by top frame of any class (JDK frames included), each
 * split by the samples' top application frame. Sampled CPU seconds are samples × the sampling
 * period. Immutable by convention: the maps are not changed after construction.
 *
 * @param cpuSeconds top frame ({@code pkg.Class.method}) to its sampled CPU seconds
 * @param applicationCpuSeconds top frame to, per top application frame of its samples, their CPU seconds
 */
record FrameProfile(Map<String, Double> cpuSeconds, Map<String, Map<String, Double>> applicationCpuSeconds) {

    /** No samples. */
    static FrameProfile empty() {
        return new FrameProfile(Map.of(), Map.of());
    }

    /** The workers' samples of one recording. */
    static FrameProfile of(RecordingModel model) {
        double period = model.samplePeriodNanos() / 1e9;
        List<Long> workers = model.workers().stream().map(ThreadTime::javaId).toList();
        Map<String, Double> cpu = new HashMap<>();
        Map<String, Map<String, Double>> application = new HashMap<>();
        model.samples().countsByTopFrame(workers).forEach((top, byApplication) -> byApplication.forEach((app, n) -> {
            cpu.merge(top, n * period, Double::sum);
            application.computeIfAbsent(top, k -> new HashMap<>()).merge(app, n * period, Double::sum);
        }));
        return new FrameProfile(cpu, application);
    }

    /** @return this profile and {@code other} summed: the profile of a run of several JVMs */
    FrameProfile plus(FrameProfile other) {
        Map<String, Double> cpu = new HashMap<>(cpuSeconds);
        other.cpuSeconds.forEach((top, s) -> cpu.merge(top, s, Double::sum));
        Map<String, Map<String, Double>> application = new HashMap<>();
        for (FrameProfile p : List.of(this, other)) {
            p.applicationCpuSeconds.forEach((top, byApplication) -> byApplication.forEach((app, s) ->
                    application.computeIfAbsent(top, k -> new HashMap<>()).merge(app, s, Double::sum)));
        }
        return new FrameProfile(cpu, application);
    }

    /** @return the sampled CPU seconds of {@code topFrame}; 0 when never on top */
    double cpuSeconds(String topFrame) {
        return cpuSeconds.getOrDefault(topFrame, 0.0);
    }

    /**
     * @param applicationFrame a top application frame, with its line
     * @return the top frames of the samples under {@code applicationFrame}, each with its CPU seconds there
     */
    Map<String, Double> topFramesUnder(String applicationFrame) {
        Map<String, Double> tops = new HashMap<>();
        applicationCpuSeconds.forEach((top, byApplication) -> {
            Double seconds = byApplication.get(applicationFrame);
            if (seconds != null) {
                tops.put(top, seconds);
            }
        });
        return tops;
    }

    /** @return the top application frame under which {@code topFrame} used most CPU, or null */
    String where(String topFrame) {
        return applicationCpuSeconds.getOrDefault(topFrame, Map.of()).entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
