package paragent.demo;

import java.util.List;
import java.util.Optional;
import paragent.demo.amdahl.AmdahlDemo;
import paragent.demo.gcchurn.GcChurnDemo;
import paragent.demo.gil.GilDemo;
import paragent.demo.gpuoffload.GpuOffloadDemo;
import paragent.demo.montecarlo.MonteCarloDemo;
import paragent.demo.oversubscribe.OversubscribeDemo;
import paragent.demo.parallelloop.ParallelLoopDemo;
import paragent.demo.pipes.PipesDemo;
import paragent.demo.pool.PoolDemo;
import paragent.demo.sharedcounter.SharedCounterDemo;

/**
 * The registry of all demos, in the order {@code --list} shows them. Adding a demo = one package
 * and one entry here. Immutable and thread-safe.
 */
public final class Demos {

    private static final List<Demo> ALL = List.of(
            new SharedCounterDemo(), new GilDemo(), new MonteCarloDemo(), new PoolDemo(), new ParallelLoopDemo(),
            new OversubscribeDemo(), new AmdahlDemo(), new GcChurnDemo(), new PipesDemo(), new GpuOffloadDemo());

    private Demos() {
    }

    /** Every demo; the diagnosis tests enumerate this list. */
    public static List<Demo> all() {
        return ALL;
    }

    /** The demo with this command-line name, if any. */
    public static Optional<Demo> byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
