package paragent.analyzer.tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadTime;

/**
 * Takes the coordinators out of a process's workers when its children's recordings are part of
 * the same analysis. Stateless; thread-safe.
 *
 * <p>A parent that hands work to child JVMs and waits for them — reading their output, joining the
 * threads that do, waiting for their exit — does little itself; within its own process its threads
 * still look like workers, because every thread there is as idle as the busiest. With the
 * children recorded, their waiting is the children's time, already in the children's budgets: a
 * parent thread that spent at least {@link #COORDINATOR_FRACTION} of its life waiting (reads from a
 * recorded child, I/O, waiting, sleeping, parked other than on a lock) is then no worker, so the
 * run's worker time and findings count the children's work once. Without recorded children
 * nothing changes: a parent alone keeps its waits as its own.
 */
public final class Coordinators {

    /** A parent thread that waited at least this fraction of its life is a coordinator. */
    static final double COORDINATOR_FRACTION = 0.8;

    private Coordinators() {
    }

    /**
     * @param model one recording of the run
     * @param recordedPids the pids of every JVM whose recording is in the run
     * @return the model with its coordinator threads no longer workers; the same model when it has
     *     no recorded child or no coordinator
     */
    public static RecordingModel withoutCoordinators(RecordingModel model, Set<Long> recordedPids) {
        boolean parentOfRecorded = model.processes().children().stream().map(ChildProcess::pid)
                .anyMatch(recordedPids::contains);
        if (!parentOfRecorded) {
            return model;
        }
        Map<Long, Double> childReads = readsFromRecordedChildren(model, recordedPids);
        List<ThreadTime> threads = model.threads().stream()
                .map(t -> t.worker() && isCoordinator(t, childReads.getOrDefault(t.javaId(), 0.0))
                        ? t.withWorker(false) : t)
                .toList();
        if (threads.equals(model.threads())) {
            return model;
        }
        return new RecordingModel(model.recordingName(), model.jvm(), model.wallSeconds(), model.samplePeriodNanos(),
                model.monitorThresholdNanos(), threads, model.locks(), model.warnings(), model.timeline(),
                model.executors(), model.processes(), model.gc(), model.samples(), model.ipc(), model.run(),
                model.gpu(), model.flames());
    }

    private static boolean isCoordinator(ThreadTime t, double childReadSeconds) {
        double waited = t.waitingSeconds() + t.sleepingSeconds() + t.parkedIdleSeconds() + t.parkedOtherSeconds()
                + Math.max(t.ioSeconds(), childReadSeconds);
        return t.lifetimeSeconds() > 0 && waited >= COORDINATOR_FRACTION * t.lifetimeSeconds();
    }

    /** Per thread, its seconds reading the stdout or stderr of a child whose recording is in the run. */
    private static Map<Long, Double> readsFromRecordedChildren(RecordingModel model, Set<Long> recordedPids) {
        Map<Long, Double> seconds = new HashMap<>();
        for (ChannelModel c : model.ipc().channels()) {
            if (c.kind() == ChannelKind.PIPE && "parent".equals(c.side()) && !"stdin".equals(c.stream())
                    && recordedPids.contains(c.peerPid())) {
                for (ChannelThreadIo io : c.threads()) {
                    seconds.merge(io.javaId(), io.readSeconds(), Double::sum);
                }
            }
        }
        return seconds;
    }
}
