package paragent.analyzer.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.model.ChannelKind;

/**
 * Joins the IPC findings of the pipes a parent keeps to children running the same command (each
 * child's stdin, stdout and stderr, over all such children) into one finding. The pipes of a
 * process pool are one cause: split per stream and per child, each piece looked smaller than a
 * single cause such as the children's start-up, though together they cost several times more.
 * Stateless.
 */
final class PipeGroups {

    /** {@code pipe to child <pid> '<command>' (<stream>)}, as the loader names a parent's pipe. */
    private static final Pattern PIPE_TO_CHILD = Pattern.compile("pipe to child (\\d+)( '.*')? \\((\\w+)\\)");

    private PipeGroups() {
    }

    /**
     * @param findings the run's merged findings, any order
     * @param links the link of each IPC finding merged from one, by identity of the finding
     * @return the findings with each group of two or more pipe findings replaced by one
     */
    static List<Finding> join(List<Finding> findings, Map<Finding, IpcLink> links) {
        Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            IpcLink link = links.get(f);
            Matcher m = link != null && link.kind() == ChannelKind.PIPE ? PIPE_TO_CHILD.matcher(link.name()) : null;
            if (m == null || !m.matches()) {
                out.add(f);
                continue;
            }
            String command = m.group(2) == null ? "" : m.group(2);
            groups.computeIfAbsent(List.of(link.fromPid(), command), k -> new ArrayList<>()).add(f);
        }
        groups.forEach((key, group) -> out.add(group.size() == 1 ? group.get(0) : joined(group, links,
                (String) key.get(1))));
        return out;
    }

    private static Finding joined(List<Finding> group, Map<Finding, IpcLink> links, String command) {
        Finding top = group.stream().max(Comparator.comparingDouble(Finding::lostThreadSeconds)).orElseThrow();
        List<Long> children = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        long bytesDown = 0;
        long bytesUp = 0;
        long messages = 0;
        double parentBlocked = 0;
        double childBlocked = 0;
        double lost = 0;
        List<String> detail = new ArrayList<>();
        for (Finding f : group) {
            IpcLink l = links.get(f);
            Matcher m = PIPE_TO_CHILD.matcher(l.name());
            m.matches();
            if (!children.contains(l.toPid())) {
                children.add(l.toPid());
            }
            if (!streams.contains(m.group(3))) {
                streams.add(m.group(3));
            }
            bytesDown += l.bytesFromTo();
            bytesUp += l.bytesToFrom();
            messages += l.messagesFromTo() + l.messagesToFrom();
            parentBlocked += l.fromBlockedSeconds();
            childBlocked += l.toBlockedSeconds();
            lost += f.lostThreadSeconds();
            detail.add(l.name() + ": " + Texts.decimal(f.lostThreadSeconds()) + " s lost; " + f.evidence());
        }
        children.sort(null);
        String pids = String.join(", ", children.stream().map(String::valueOf).toList());
        String subject = (children.size() == 1 ? "pipes to child " : "pipes to children ") + pids + command
                + " (" + String.join(", ", streams) + ")";
        String evidence = String.format(Locale.ROOT, "%d pipes: %s to the children, %s back, in %,d messages"
                        + " (%s lost per message); %s s blocked in the parent, %s s in the children",
                group.size(), Texts.bytes(bytesDown), Texts.bytes(bytesUp), messages,
                Texts.duration(messages > 0 ? (long) (lost / messages * 1e9) : 0), Texts.decimal(parentBlocked),
                Texts.decimal(childBlocked));
        String title = String.format(Locale.ROOT, "The processes lose %s s communicating over %d pipes to %s",
                Texts.decimal(lost), group.size(), children.size() == 1 ? "one child" : children.size() + " children");
        return new Finding(FindingKind.IPC, lost, 0, subject, top.where(), title, evidence, top.advice(), detail);
    }
}
