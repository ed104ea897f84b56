package paragent.analyzer.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.diagnosis.Texts;

/**
 * Turns the speedup stack of the largest thread count into findings: one per cause that cost
 * speedup, with the run's own finding of that kind for what and where, else a generic one; CPU-time
 * inflation names the frames whose sampled CPU time grew most. Stateless.
 */
final class ScalingFindings {

    /** How many growing frames a CPU-time inflation finding lists. */
    static final int INFLATED_FRAMES = 5;

    /** How many of the frames that grew most the evidence names. */
    static final int EVIDENCE_FRAMES = 3;
    static final String INFLATION_ADVICE = "Share less between the threads: give each thread its own instance"
            + " (ThreadLocalRandom, SplittableRandom, per-thread buffers), pad or split hot shared fields (false"
            + " sharing), reduce writes to shared state (accumulate locally, combine at the end)";

    private static final Map<FindingKind, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(FindingKind.LOCK_CONTENTION, "lock contention"),
            Map.entry(FindingKind.SERIAL_SECTION, "serial sections"),
            Map.entry(FindingKind.LOAD_IMBALANCE, "load imbalance"),
            Map.entry(FindingKind.OVERSUBSCRIPTION, "waiting for a CPU (oversubscription)"),
            Map.entry(FindingKind.TASK_OVERHEAD, "task scheduling and hand-off overhead"),
            Map.entry(FindingKind.CPU_TIME_INFLATION, "CPU-time inflation"),
            Map.entry(FindingKind.PROCESS_SPAWN, "starting child processes"),
            Map.entry(FindingKind.IPC, "inter-process communication"),
            Map.entry(FindingKind.GC, "garbage-collection pauses"),
            Map.entry(FindingKind.IO, "file and network I/O"),
            Map.entry(FindingKind.GPU_TRANSFER, "host-device transfers"));

    private ScalingFindings() {
    }

    /**
     * @param stack the stack of the largest count
     * @param one the representative 1-thread run
     * @param largest the representative run of the largest count
     * @return the findings, most lost thread-seconds first
     */
    static List<Finding> findings(SpeedupStack stack, RunAnalysis one, RunAnalysis largest) {
        List<Finding> findings = new ArrayList<>();
        for (StackComponent c : stack.components()) {
            if (c.speedup() <= 0) {
                continue;
            }
            FindingKind kind = FindingKind.valueOf(c.cause());
            double share = c.speedup() / stack.ideal();
            String what = describe(kind);
            String title = String.format(Locale.ROOT, "%s cost %s of the ideal speedup %d at %d threads",
                    Character.toUpperCase(what.charAt(0)) + what.substring(1), Texts.decimal(c.speedup()),
                    stack.threads(), stack.threads());
            if (kind == FindingKind.CPU_TIME_INFLATION) {
                findings.add(inflation(c, share, title, stack.threads(), one, largest));
            } else {
                findings.add(cause(kind, c, share, title, stack.threads(), one, largest));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::lostThreadSeconds).reversed());
        return findings;
    }

    private static Finding cause(FindingKind kind, StackComponent c, double share, String title, int threads,
                                 RunAnalysis one, RunAnalysis largest) {
        Optional<Finding> own = largest.findings().stream().filter(f -> f.kind() == kind)
                .max(Comparator.comparingDouble(Finding::lostThreadSeconds));
        if (own.isPresent()) {
            Finding f = own.get();
            return new Finding(kind, c.lostThreadSeconds(), share, f.subject(), f.where(), title, f.evidence(),
                    f.advice(), f.detail());
        }
        String evidence = String.format(Locale.ROOT,
                "%s s of worker time went to %s at %d threads against %s s at 1 thread; no finding of"
                        + " the %d-thread run's report holds it: each part was below a report threshold", Texts.decimal(largest.lostSeconds(kind)),
                describe(kind), threads, Texts.decimal(one.lostSeconds(kind)), threads);
        return new Finding(kind, c.lostThreadSeconds(), share, describe(kind), null, title, evidence,
                "Open the single-run report of the " + threads + "-thread run: it shows where the " + describe(kind)
                        + " happened", List.of());
    }

    private static Finding inflation(StackComponent c, double share, String title, int threads, RunAnalysis one,
                                     RunAnalysis largest) {
        FrameProfile before = one.frames();
        FrameProfile after = largest.frames();
        Set<String> frames = new HashSet<>(before.cpuSeconds().keySet());
        frames.addAll(after.cpuSeconds().keySet());
        frames.removeIf(f -> after.cpuSeconds(f) <= before.cpuSeconds(f));
        List<String> grown = largestFirst(frames, f -> after.cpuSeconds(f) - before.cpuSeconds(f), INFLATED_FRAMES);
        List<String> detail = new ArrayList<>();
        for (String frame : grown) {
            detail.add(frame + ": " + cpuChange(before.cpuSeconds(frame), after.cpuSeconds(frame)));
        }
        double useful1 = one.result().usefulCpuSeconds();
        double usefulN = largest.result().usefulCpuSeconds();
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT,
                "the workers ran %s s of CPU no other cause claimed at %d threads against %s s at 1 thread (%s more)",
                Texts.decimal(usefulN), threads, Texts.decimal(useful1),
                useful1 > 0 ? Texts.percent(usefulN / useful1 - 1) : Texts.decimal(usefulN - useful1) + " s"));
        String subject = "the workers' CPU time";
        String where = null;
        if (!grown.isEmpty()) {
            subject = grown.get(0);
            where = after.where(subject);
            evidence.append("; sampled CPU grew most in ").append(String.join(", ", detail.subList(0,
                    Math.min(EVIDENCE_FRAMES, detail.size()))));
            if (where != null && where.startsWith(subject + "(")) {
                evidence.append(calleesOfTheLine(where, before, after));
            }
        }
        String advice = INFLATION_ADVICE + (where != null ? ", starting at " + Texts.shortFrame(where) : "");
        return new Finding(FindingKind.CPU_TIME_INFLATION, c.lostThreadSeconds(), share, subject, where, title,
                evidence.toString(), advice, detail);
    }

    /**
     * When the samples landed on the application line itself, the code that line calls can be
     * compiled into it (C2 inlines {@code Random.nextDouble} into a sampling loop, and under
     * contention the samples of the inlined code may carry only the loop's frame): the frames the
     * other run's samples show on top under the same line name that code.
     *
     * @return "; the samples at LINE also show ..." naming up to {@link #EVIDENCE_FRAMES} such frames
     *     by CPU seconds under the line in either run, or "" when there are none
     */
    private static String calleesOfTheLine(String line, FrameProfile before, FrameProfile after) {
        String method = line.substring(0, line.indexOf('('));
        Map<String, Double> beforeTops = before.topFramesUnder(line);
        Map<String, Double> afterTops = after.topFramesUnder(line);
        Set<String> tops = new HashSet<>(beforeTops.keySet());
        tops.addAll(afterTops.keySet());
        tops.remove(method);
        List<String> callees = largestFirst(tops,
                f -> Math.max(beforeTops.getOrDefault(f, 0.0), afterTops.getOrDefault(f, 0.0)), EVIDENCE_FRAMES)
                .stream()
                .map(f -> f + " (" + cpuChange(beforeTops.getOrDefault(f, 0.0), afterTops.getOrDefault(f, 0.0)) + ")")
                .toList();
        if (callees.isEmpty()) {
            return "";
        }
        return "; the samples at " + Texts.shortFrame(method) + line.substring(line.indexOf('('))
                + " also show the code that line calls, which the JIT may have compiled into it: "
                + String.join(", ", callees);
    }

    /** @return the first {@code limit} of {@code frames}, largest {@code by} first, equal ones by name */
    private static List<String> largestFirst(Set<String> frames, ToDoubleFunction<String> by, int limit) {
        return frames.stream()
                .sorted(Comparator.<String>comparingDouble(by).reversed().thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** @return how a frame's sampled CPU changed, e.g. "0.40 s → 1.30 s CPU" */
    private static String cpuChange(double beforeSeconds, double afterSeconds) {
        return Texts.decimal(beforeSeconds) + " s → " + Texts.decimal(afterSeconds) + " s CPU";
    }

    /** @return what a cause is, as a phrase */
    static String describe(FindingKind kind) {
        return DESCRIPTIONS.get(kind);
    }
}
