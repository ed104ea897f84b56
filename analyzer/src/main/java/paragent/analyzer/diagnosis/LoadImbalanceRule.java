package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * {@link FindingKind#LOAD_IMBALANCE}: workers of one pool (or one thread group) finish unevenly.
 * Lost time is the idle time of members while at least one sibling is still busy, counting a
 * member that already ended as idle (one not started yet is not). Names the pool and its partitioning site (the top submit site; for plain
 * threads the group's hottest frame). Stateless.
 */
public final class LoadImbalanceRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.05;

    @Override
    public FindingKind kind() {
        return FindingKind.LOAD_IMBALANCE;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        List<Finding> findings = new ArrayList<>();
        groups(model).forEach((name, group) -> {
            Finding f = evaluate(model, ledger, name, group);
            if (f != null) {
                findings.add(f);
            }
        });
        return findings;
    }

    /** A pool's or a thread group's worker threads, with its partitioning site when known. */
    private record Group(List<Long> ids, String site) {
    }

    /** Pools by their workers; other workers by thread group; only groups of two or more. */
    private static Map<String, Group> groups(RecordingModel model) {
        Map<Long, ThreadTime> workers = new HashMap<>();
        model.workers().forEach(t -> workers.put(t.javaId(), t));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ExecutorModel pool : model.executors()) {
            List<Long> ids = pool.workerIds().stream().filter(workers::containsKey).toList();
            if (ids.size() >= 2 && !groups.containsKey(pool.name())) {
                groups.put(pool.name(), new Group(ids, pool.submitSite()));
                ids.forEach(workers::remove);
            }
        }
        Map<String, List<Long>> byName = new LinkedHashMap<>();
        for (ThreadTime t : workers.values()) {
            byName.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t.javaId());
        }
        byName.forEach((name, ids) -> {
            if (ids.size() >= 2 && name != null) {
                groups.putIfAbsent(name, new Group(ids, null));
            }
        });
        return groups;
    }

    private Finding evaluate(RecordingModel model, Ledger ledger, String name, Group group) {
        Timeline timeline = model.timeline();
        Map<Long, Integer> firstAlive = new HashMap<>();
        group.ids().forEach(id -> firstAlive.put(id, Activity.firstAlive(timeline, id)));
        double lost = 0;
        double unevenSeconds = 0;
        for (int b = 0; b < timeline.buckets(); b++) {
            List<Long> idle = new ArrayList<>();
            boolean anyBusy = false;
            for (long id : group.ids()) {
                if (Activity.isBusy(timeline, id, b)) {
                    anyBusy = true;
                } else if (b >= firstAlive.get(id)) {
                    idle.add(id);
                }
            }
            if (!anyBusy || idle.isEmpty()) {
                continue;
            }
            unevenSeconds += timeline.bucketWidth(b);
            for (long id : idle) {
                lost += ledger.claimStates(id, b, Activity.IDLE_OR_ENDED, timeline.bucketWidth(b));
            }
        }
        if (lost <= 0 || lost / ledger.totalWorkerSeconds() < MIN_SHARE) {
            return null;
        }
        String where = group.site() != null ? group.site()
                : model.samples().hottest(group.ids(), b -> true, timeline.bucketSeconds());
        String title = String.format(Locale.ROOT, "The %d workers of %s finished unevenly: %s s idle while a sibling still worked",
                group.ids().size(), name, Texts.decimal(lost));
        String evidence = String.format(Locale.ROOT,
                "for %s s of %s s some of %s were idle while others ran; idle worker time %s s",
                Texts.decimal(unevenSeconds), Texts.decimal(model.wallSeconds()), name, Texts.decimal(lost));
        String advice = "Balance the work: split it into many more pieces than workers (dynamic scheduling, work"
                + " stealing) instead of one equal range per worker"
                + (where != null ? ", at " + Texts.shortFrame(where) : "");
        return new Finding(kind(), lost, 0, name, where, title, evidence, advice, List.of());
    }
}
