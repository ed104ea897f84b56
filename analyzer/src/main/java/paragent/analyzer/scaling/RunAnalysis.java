package paragent.analyzer.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paragent.analyzer.Analysis;
import paragent.analyzer.Analyzer;
import paragent.analyzer.RecordingException;
import paragent.analyzer.diagnosis.Accounting;
import paragent.analyzer.diagnosis.Diagnosis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;
import paragent.analyzer.tree.ProcessTrees;

/**
 * What the scaling analysis needs of one run: its result, the machine's cores, the findings of its
 * JVMs and its workers' CPU profile. Immutable.
 *
 * @param result the run's time and account of worker time
 * @param cores the root JVM's available processors
 * @param findings the findings of every JVM of the run
 * @param frames the workers' sampled CPU by top frame, over every JVM of the run
 */
record RunAnalysis(RunResult result, int cores, List<Finding> findings, FrameProfile frames) {

    /** The key of {@link #excessPerBucket}'s cut from the workers' unclaimed running time. */
    static final String USEFUL = "useful running time";

    RunAnalysis {
        findings = List.copyOf(findings);
    }

    /**
     * Loads and diagnoses a run's recordings as one process tree ({@link Analyzer#loadRun}) and sums
     * its JVMs' accounts; the time is the root recording's.
     *
     * @param input the run
     * @param repeat its 1-based index among the runs of its count
     */
    static RunAnalysis load(ScalingInput input, int repeat) throws RecordingException {
        List<RecordingModel> models = Analyzer.loadRun(input.recordings());
        Map<FindingKind, Double> lost = new EnumMap<>(FindingKind.class);
        List<Finding> findings = new ArrayList<>();
        FrameProfile frames = FrameProfile.empty();
        double cpuSeconds = 0;
        double usefulCpuSeconds = 0;
        int workers = 0;
        List<Analysis> analyses = new ArrayList<>();
        Accounting rootAccounting = null;
        for (RecordingModel model : models) {
            Accounting accounting = Diagnosis.account(model);
            rootAccounting = rootAccounting == null ? accounting : rootAccounting;
            Analysis analysis = Analyzer.analyze(model, accounting.findings());
            analyses.add(analysis);
            accounting.grantedSeconds().forEach((kind, seconds) -> lost.merge(kind, seconds, Double::sum));
            lost.merge(FindingKind.OVERSUBSCRIPTION, accounting.unclaimedWaitingForCpuSeconds(), Double::sum);
            findings.addAll(accounting.findings());
            frames = frames.plus(FrameProfile.of(model));
            cpuSeconds += analysis.cpuSeconds();
            usefulCpuSeconds += accounting.unclaimedRunningSeconds();
            workers += analysis.workerThreads();
        }
        RecordingModel root = models.get(0);
        Slots slots;
        if (models.size() == 1) {
            slots = Slots.of(root, input.threads(), rootAccounting);
            Map<Object, Double> excess = excessPerBucket(root, rootAccounting, input.threads());
            usefulCpuSeconds -= excess.getOrDefault(USEFUL, 0.0);
            excess.forEach((key, seconds) -> {
                if (key instanceof FindingKind kind) {
                    lost.merge(kind, -seconds, Double::sum);
                }
            });
        } else {
            slots = Slots.ofTree(models, ProcessTrees.build(analyses).runs().get(0), input.threads());
            double claimed = lost.values().stream().mapToDouble(Double::doubleValue).sum();
            double unclaimedIdle = Math.max(0, slots.alive() - claimed - usefulCpuSeconds);
            double excessClaimed = Math.max(0, slots.excess() - unclaimedIdle);
            if (excessClaimed > 0 && claimed > 0) {
                double keep = Math.max(0, 1 - excessClaimed / claimed);
                lost.replaceAll((kind, seconds) -> seconds * keep);
            }
        }
        lost.merge(FindingKind.PROCESS_SPAWN, slots.booting(), Double::sum);
        lost.merge(FindingKind.SERIAL_SECTION, slots.empty() - slots.booting(), Double::sum);
        lost.values().removeIf(seconds -> seconds <= 0);
        Double foreign = input.foreignCores();
        boolean disturbed = foreign != null && foreign > Scaling.DISTURBED_FOREIGN_CORES;
        List<String> names = input.recordings().stream().map(Path::getFileName).map(Path::toString).toList();
        RunResult result = new RunResult(input.threads(), repeat, names, root.wallSeconds(), cpuSeconds, workers,
                lost, usefulCpuSeconds, foreign, disturbed);
        return new RunAnalysis(result, Math.max(1, root.jvm().availableProcessors()), findings, frames);
    }

    /**
     * Per cause, the claimed time that lies beyond the run's thread count: in each timeline bucket
     * where more workers were alive than {@code threads} slots hold, the excess is taken first from
     * the workers' idle time no rule claimed (alive, neither claimed nor running nor unexplained),
     * then from the causes' claims in that bucket in proportion (the waiting for a core no rule
     * claimed counts as {@code OVERSUBSCRIPTION}'s), last from the unclaimed running time (key
     * {@link #USEFUL}: the 1-thread run of a program whose calling thread works beside its one
     * worker used more than one core). In {@code amdahl}'s serial phases, two idle pool workers
     * beside the busy calling thread at 2 threads lose one slot, not two.
     */
    static Map<Object, Double> excessPerBucket(RecordingModel model, Accounting accounting, int threads) {
        Timeline timeline = model.timeline();
        Map<Object, Double> excess = new HashMap<>();
        for (int b = 0; b < timeline.buckets(); b++) {
            double alive = accounting.claimedNotAlivePerBucket()[b];
            for (ThreadTime worker : model.workers()) {
                alive += aliveIn(timeline, worker.javaId(), b);
            }
            Map<FindingKind, Double> claims = new EnumMap<>(FindingKind.class);
            for (Map.Entry<FindingKind, double[]> e : accounting.grantedPerBucket().entrySet()) {
                claims.merge(e.getKey(), e.getValue()[b], Double::sum);
            }
            claims.merge(FindingKind.OVERSUBSCRIPTION, accounting.unclaimedWaitingForCpuPerBucket()[b], Double::sum);
            double claimed = claims.values().stream().mapToDouble(Double::doubleValue).sum();
            double unclaimedIdle = Math.max(0, alive - claimed - accounting.unclaimedBusyPerBucket()[b]);
            double beyond = Math.max(0, alive - threads * timeline.bucketWidth(b) - unclaimedIdle);
            if (beyond > 0 && claimed > 0) {
                double cut = Math.min(1, beyond / claimed);
                claims.forEach((kind, seconds) -> excess.merge(kind, seconds * cut, Double::sum));
            }
            double running = accounting.unclaimedBusyPerBucket()[b];
            double beyondClaims = beyond - claimed;
            if (beyondClaims > 0 && running > 0) {
                excess.merge(USEFUL, Math.min(beyondClaims, running), Double::sum);
            }
        }
        return excess;
    }

    private static double aliveIn(Timeline timeline, long javaId, int bucket) {
        float[][] states = timeline.seconds().get(javaId);
        double alive = 0;
        for (int s = 0; states != null && s < states.length; s++) {
            alive += s == ThreadState.NOT_ALIVE.ordinal() ? 0 : states[s][bucket];
        }
        return alive;
    }

    /**
     * The workers' time measured against the run's thread count, per timeline bucket.
     *
     * @param alive the workers' summed alive time
     * @param empty the slots of {@code threads × width} no alive worker filled: before the program
     *     started its workers and after they ended it ran serially, whatever its thread count
     * @param excess the alive time beyond {@code threads × width}: more workers than the thread count
     *     (a calling thread that also works, say) cannot all run at once, so the extra threads' idle
     *     time is no lost capacity
     * @param booting the part of {@code empty} that child JVMs spent booting before their recordings
     *     began (a process tree's start-up cost); 0 for one JVM
     */
    record Slots(double alive, double empty, double excess, double booting) {

        /**
         * A process tree's slots, from totals: its JVMs' clocks differ, so the workers' alive time
         * is not matched bucket by bucket; the capacity is {@code threads ×} the root's length.
         */
        static Slots ofTree(List<RecordingModel> models, ProcessTree tree, int threads) {
            double alive = 0;
            for (RecordingModel model : models) {
                for (ThreadTime worker : model.workers()) {
                    alive += worker.lifetimeSeconds();
                }
            }
            double booting = 0;
            for (ProcessNode node : tree.processes()) {
                if (node.depth() > 0 && node.bootSeconds() != null) {
                    booting += node.bootSeconds() * Math.max(1, node.analysis().workerThreads());
                }
            }
            double capacity = threads * models.get(0).wallSeconds();
            double empty = Math.max(0, capacity - alive);
            return new Slots(alive, empty, Math.max(0, alive - capacity), Math.min(empty, booting));
        }

        /**
         * One JVM's slots, bucket by bucket. A worker's time before its start or after its end that a
         * rule claimed (an ended worker's share of a load imbalance) fills its slot like alive time.
         */
        static Slots of(RecordingModel model, int threads, Accounting accounting) {
            Timeline timeline = model.timeline();
            double aliveSum = 0;
            double empty = 0;
            double excess = 0;
            for (int b = 0; b < timeline.buckets(); b++) {
                double alive = accounting.claimedNotAlivePerBucket()[b];
                for (ThreadTime worker : model.workers()) {
                    alive += aliveIn(timeline, worker.javaId(), b);
                }
                double capacity = threads * timeline.bucketWidth(b);
                aliveSum += alive;
                empty += Math.max(0, capacity - alive);
                excess += Math.max(0, alive - capacity);
            }
            return new Slots(aliveSum, empty, excess, 0);
        }
    }

    /** @return the worker-thread seconds the diagnosis granted to {@code kind}; 0 when none */
    double lostSeconds(FindingKind kind) {
        return result.lostThreadSeconds().getOrDefault(kind, 0.0);
    }
}
