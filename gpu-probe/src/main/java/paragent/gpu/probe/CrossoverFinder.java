package paragent.gpu.probe;

import java.util.Comparator;
import java.util.List;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.OffloadPoint;

/**
 * Finds where offloading a kernel starts to pay, from measured host and offload times by size, and
 * says it in one sentence. The crossover is the smallest size from which the device is faster at
 * every larger size measured, so one lucky small size does not count. Stateless; thread-safe.
 */
final class CrossoverFinder {

    private CrossoverFinder() {
    }

    /**
     * @param kernel      the kernel's name in the JSON ({@code memoryBound}, {@code computeBound})
     * @param description how the sentence names it, e.g. "the memory-bound kernel (vector add)"
     * @param hostThreads the cores the host's loop ran on
     * @param points      at least one size; any order
     */
    static Crossover find(String kernel, String description, int hostThreads, List<OffloadPoint> points) {
        List<OffloadPoint> bySize = points.stream().sorted(Comparator.comparingLong(OffloadPoint::elements)).toList();
        if (bySize.isEmpty()) {
            throw new IllegalArgumentException("no sizes measured for " + kernel);
        }
        int first = bySize.size();
        while (first > 0 && deviceWins(bySize.get(first - 1))) {
            first--;
        }
        String host = "the host's loop on " + hostThreads + (hostThreads == 1 ? " core" : " cores");
        OffloadPoint largest = bySize.get(bySize.size() - 1);
        if (first == bySize.size()) {
            return new Crossover(kernel, null, null, never(description, host, bySize, largest), bySize);
        }
        OffloadPoint crossover = bySize.get(first);
        String sentence = first == 0
                ? String.format("On this device, offloading %s pays at every size measured, from %s elements (%s per array): "
                        + "there the device takes %s for copies and kernel against %s for %s.", description,
                        Units.count(crossover.elements()), Units.bytes(crossover.bytes()),
                        Units.seconds(crossover.offloadSeconds()), Units.seconds(crossover.hostSeconds()), host)
                : String.format("On this device, offloading %s pays from %s elements (%s per array): there the device "
                        + "takes %s for copies and kernel against %s for %s; below that size the copies and the launch "
                        + "cost more than they save.", description, Units.count(crossover.elements()),
                        Units.bytes(crossover.bytes()), Units.seconds(crossover.offloadSeconds()),
                        Units.seconds(crossover.hostSeconds()), host);
        return new Crossover(kernel, crossover.elements(), crossover.bytes(), sentence, bySize);
    }

    private static boolean deviceWins(OffloadPoint point) {
        return point.offloadSeconds() < point.hostSeconds();
    }

    private static String never(String description, String host, List<OffloadPoint> bySize, OffloadPoint largest) {
        boolean copiesAlone = bySize.stream().allMatch(p -> p.transferSeconds() >= p.hostSeconds());
        String why = copiesAlone ? "the copies alone take longer than " + host
                : "copies plus kernel take longer than " + host;
        return String.format("On this device, offloading %s never pays: %s at every size up to %s elements "
                + "(%s per array; there the device takes %s, %s of it copying, against %s on the host).", description,
                why, Units.count(largest.elements()), Units.bytes(largest.bytes()),
                Units.seconds(largest.offloadSeconds()), Units.seconds(largest.transferSeconds()),
                Units.seconds(largest.hostSeconds()));
    }
}
