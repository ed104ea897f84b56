package paragent.analyzer.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.diagnosis.ProcessSpawnRule;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChildProcess;

/**
 * Merges the findings of a run's processes into the run's findings. Stateless.
 *
 * <p>Findings of the same kind and subject are summed; the largest contribution gives the
 * location and the words. An IPC finding is renamed to its channel's link, so the two ends of one
 * pipe or socket become one finding, and the pipes to children running one command one more
 * (see {@link PipeGroups}). A PROCESS_SPAWN finding gains the time its children's JVMs
 * took to boot (from the start call until their recordings began, less the agent's own
 * start-up), and is created for it when the parent's own start calls were too short to report.
 * Shares are over the run's worker time and sum to at most 1.
 */
final class FindingMerger {

    private FindingMerger() {
    }

    static List<Finding> merge(List<ProcessNode> nodes, Links.Matched links, double workerSeconds) {
        if (nodes.size() == 1) {
            return nodes.get(0).analysis().findings();
        }
        Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
        Map<List<Object>, IpcLink> linkOf = new LinkedHashMap<>();
        for (ProcessNode node : nodes) {
            for (Finding f : node.analysis().findings()) {
                IpcLink link = f.kind() == FindingKind.IPC ? link(node, f.subject(), links) : null;
                List<Object> key = List.of(f.kind(), link != null ? link.name() : f.subject());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                if (link != null) {
                    linkOf.put(key, link);
                }
            }
        }
        Map<List<Object>, Double> boot = bootByProgram(nodes);
        List<Finding> merged = new ArrayList<>();
        Map<Finding, IpcLink> linkByFinding = new IdentityHashMap<>();
        groups.forEach((key, findings) -> {
            Finding combined = combine(findings, linkOf.get(key), boot.remove(key));
            merged.add(combined);
            if (linkOf.containsKey(key)) {
                linkByFinding.put(combined, linkOf.get(key));
            }
        });
        boot.forEach((key, seconds) -> {
            if (seconds / workerSeconds >= ProcessSpawnRule.MIN_SHARE) {
                merged.add(bootOnly((String) key.get(1), seconds, spawnSite(nodes, (String) key.get(1))));
            }
        });
        List<Finding> joined = new ArrayList<>(PipeGroups.join(merged, linkByFinding));
        joined.replaceAll(f -> f.withShare(workerSeconds > 0 ? f.lostThreadSeconds() / workerSeconds : 0));
        joined.sort(Comparator.comparingDouble(Finding::lostThreadSeconds).reversed());
        double shareSum = joined.stream().mapToDouble(Finding::share).sum();
        if (shareSum > 1) {
            joined.replaceAll(f -> f.withShare(f.share() / shareSum));
        }
        return List.copyOf(joined);
    }

    /** @return the link of the process's channel named {@code subject}, or null */
    private static IpcLink link(ProcessNode node, String subject, Links.Matched links) {
        for (ChannelModel c : node.analysis().ipc().channels()) {
            if (c.name().equals(subject)) {
                IpcLink link = links.byEnd().get(List.of(node.pid(), c.channelId()));
                if (link != null) {
                    return link;
                }
            }
        }
        return null;
    }

    /** Per (PROCESS_SPAWN, program), the boot seconds of the children its spawners started. */
    private static Map<List<Object>, Double> bootByProgram(List<ProcessNode> nodes) {
        Map<List<Object>, Double> boot = new LinkedHashMap<>();
        for (ProcessNode child : nodes) {
            if (child.bootSeconds() == null || child.bootSeconds() <= 0 || child.depth() == 0) {
                continue;
            }
            String program = spawned(nodes, child).map(ChildProcess::program).orElse("java");
            boot.merge(List.of(FindingKind.PROCESS_SPAWN, program), child.bootSeconds(), Double::sum);
        }
        return boot;
    }

    private static java.util.Optional<ChildProcess> spawned(List<ProcessNode> nodes, ProcessNode child) {
        return nodes.stream().filter(p -> p.pid() == child.parentPid())
                .flatMap(p -> p.analysis().processes().children().stream())
                .filter(c -> c.pid() == child.pid()).findFirst();
    }

    private static String spawnSite(List<ProcessNode> nodes, String program) {
        return nodes.stream().flatMap(p -> p.analysis().processes().children().stream())
                .filter(c -> c.program().equals(program) && c.spawnSite() != null)
                .map(ChildProcess::spawnSite).findFirst().orElse(null);
    }

    private static Finding combine(List<Finding> findings, IpcLink link, Double bootSeconds) {
        Finding top = findings.stream().max(Comparator.comparingDouble(Finding::lostThreadSeconds)).orElseThrow();
        double lost = findings.stream().mapToDouble(Finding::lostThreadSeconds).sum();
        List<String> detail = new ArrayList<>();
        findings.forEach(f -> detail.addAll(f.detail()));
        if (link != null) {
            return new Finding(FindingKind.IPC, lost, 0, link.name(), top.where(),
                    String.format(Locale.ROOT, "The processes lose %s s communicating over %s", Texts.decimal(lost),
                            link.name()), linkEvidence(link), top.advice(), detail);
        }
        if (bootSeconds != null) {
            double total = lost + bootSeconds;
            return new Finding(top.kind(), total, 0, top.subject(), top.where(),
                    String.format(Locale.ROOT, "Starting %s processes cost %s s, their JVMs' start-up included",
                            top.subject(), Texts.decimal(total)),
                    top.evidence() + String.format(Locale.ROOT, "; the child JVMs took %s s to boot before their"
                            + " recordings began", Texts.decimal(bootSeconds)), top.advice(), detail);
        }
        String title = findings.size() == 1 ? top.title() : top.title() + String.format(Locale.ROOT,
                " (%s s over %d processes)", Texts.decimal(lost), findings.size());
        return new Finding(top.kind(), lost, 0, top.subject(), top.where(), title, top.evidence(), top.advice(), detail);
    }

    private static Finding bootOnly(String program, double bootSeconds, String where) {
        return new Finding(FindingKind.PROCESS_SPAWN, bootSeconds, 0, program, where,
                String.format(Locale.ROOT, "Starting %s processes cost %s s of JVM start-up", program,
                        Texts.decimal(bootSeconds)),
                String.format(Locale.ROOT, "the child JVMs took %s s to boot before their recordings began",
                        Texts.decimal(bootSeconds)),
                "Start fewer processes: keep a few long-lived workers and send them work (a process pool),"
                        + " or use threads when the work needs no isolation",
                List.of());
    }

    private static String linkEvidence(IpcLink l) {
        String evidence = String.format(Locale.ROOT, "%s from %d to %d in %,d messages, %s back in %,d;"
                        + " %s s blocked at %d, %s s at %d; serialization %s s",
                Texts.bytes(l.bytesFromTo()), l.fromPid(), l.toPid(), l.messagesFromTo(), Texts.bytes(l.bytesToFrom()),
                l.messagesToFrom(), Texts.decimal(l.fromBlockedSeconds()), l.fromPid(),
                Texts.decimal(l.toBlockedSeconds()), l.toPid(), Texts.decimal(l.serializationSeconds()));
        return l.matched() ? evidence : evidence + " (only one end was recorded)";
    }
}
