package paragent.analyzer.tree;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.Analysis;

/**
 * Estimates each JVM's clock offset against the root's. Stateless.
 *
 * <p>A parent and its child share a machine and its clock: offset 0. So do the ends of a socket on
 * the loopback interface. For a socket between machines, the server's accept returns about when
 * the client's connect is half done: {@code offset = accept − (connectStart + connectEnd) / 2}
 * (server clock minus client clock), the median over the matched connections of the pair. Offsets
 * spread from the root along both kinds of edges; a JVM reached only through sockets without
 * timestamps gets 0 and a warning.
 */
final class ClockOffsets {

    private ClockOffsets() {
    }

    /**
     * @param root the JVM whose clock is the reference
     * @param run the run's JVMs
     * @param parents each JVM's parent in the tree
     * @param warnings where a missing estimate is reported
     * @return per JVM, seconds to add to its timestamps to get the root's clock
     */
    static Map<Analysis, Double> estimate(Analysis root, List<Analysis> run, Map<Analysis, Analysis> parents,
                                          List<String> warnings) {
        // Edges: (a, b) → seconds to add to b's clock to get a's.
        Map<Analysis, Map<Analysis, List<Double>>> edges = new IdentityHashMap<>();
        parents.forEach((child, parent) -> {
            edge(edges, parent, child).add(0.0);
            edge(edges, child, parent).add(0.0);
        });
        for (Links.SocketPair p : Links.socketPairs(run)) {
            Analysis client = p.client().process();
            Analysis server = p.server().process();
            Double serverMinusClient = serverMinusClient(p);
            if (serverMinusClient == null) {
                continue;
            }
            edge(edges, client, server).add(-serverMinusClient);
            edge(edges, server, client).add(serverMinusClient);
        }
        Map<Analysis, Double> offsets = new IdentityHashMap<>();
        offsets.put(root, 0.0);
        Deque<Analysis> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Analysis a = queue.poll();
            edges.getOrDefault(a, Map.of()).forEach((b, estimates) -> {
                if (!offsets.containsKey(b)) {
                    offsets.put(b, offsets.get(a) + median(estimates));
                    queue.add(b);
                }
            });
        }
        for (Analysis a : run) {
            if (!offsets.containsKey(a)) {
                offsets.put(a, 0.0);
                warnings.add(String.format(Locale.ROOT, "no clock offset could be estimated for %s (pid %d):"
                        + " its times are taken as on the root's clock", a.recordingName(), a.run().pid()));
            }
        }
        return offsets;
    }

    /** @return the server's clock minus the client's for one connection; 0 on loopback; null without times */
    static Double serverMinusClient(Links.SocketPair p) {
        if (Links.loopback(p.client().channel().localAddress()) && Links.loopback(p.client().channel().remoteAddress())) {
            return 0.0;
        }
        if (p.client().channel().openedAt() == null || p.server().channel().openedAt() == null) {
            return null;
        }
        double connectEnd = 0;
        double connectStart = -p.client().channel().connectSeconds();
        double accept = Duration.between(p.client().channel().openedAt(), p.server().channel().openedAt()).toNanos() / 1e9;
        return accept - (connectStart + connectEnd) / 2;
    }

    private static List<Double> edge(Map<Analysis, Map<Analysis, List<Double>>> edges, Analysis a, Analysis b) {
        return edges.computeIfAbsent(a, x -> new IdentityHashMap<>()).computeIfAbsent(b, x -> new ArrayList<>());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
