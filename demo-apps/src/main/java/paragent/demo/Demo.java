package paragent.demo;

import java.util.List;
import java.util.Optional;
import paragent.demo.processes.Worker;

/**
 * One demo program: a port of a seed example with a planted bottleneck and a fixed variant.
 *
 * <p>Contract: {@link #run} does a fixed total amount of work, set by {@link DemoConfig#scale()}
 * and independent of {@link DemoConfig#threads()}, spread over exactly {@code threads} worker
 * threads; its bottleneck is real work, never a sleep. Both variants compute the same result
 * (unless the demo documents an option whose bottleneck depends on how the threads interleave).
 * {@link #expectedFinding} states what a diagnosis of the bottleneck variant must report, and
 * {@link #expectedScaling} what a scaling analysis of it must report.
 *
 * <p>A demo with a process mode ({@link #supportsProcesses()}) runs {@link DemoConfig#processes()}
 * worker JVMs instead when it is above 0, each serving the demo's {@link #worker()} over its
 * stdin and stdout, for the same total work and the same result.
 *
 * <p>Implementations are stateless: one instance may run several configs, one after another or
 * concurrently.
 */
public interface Demo {

    /** The name used on the command line, e.g. {@code shared-counter}. */
    String name();

    /** One line saying what the demo does and where its bottleneck is. */
    String description();

    /** The demo-specific options {@link DemoMain} accepts for this demo; none by default. */
    default List<DemoOption> options() {
        return List.of();
    }

    /**
     * The thread count the diagnosis tests run this demo at, on a machine with {@code cores} cores:
     * as many threads as cores, where the planted bottleneck is the only cause of lost time (more
     * CPU-bound threads than cores would add oversubscription to every demo).
     */
    default int diagnosisThreads(int cores) {
        return cores;
    }

    /**
     * The code a worker JVM of this demo's process mode runs ({@link WorkerMain} dispatches to it);
     * empty for a demo without a process mode.
     */
    default Optional<Worker> worker() {
        return Optional.empty();
    }

    /** Whether this demo has a process mode ({@code --processes N}). */
    default boolean supportsProcesses() {
        return worker().isPresent();
    }

    /**
     * Whether this config runs worker JVMs: in process mode, or always for a demo that has no
     * thread mode (profile such runs with the agent's {@code children} option to see both sides).
     */
    default boolean startsWorkerJvms(DemoConfig config) {
        return config.isProcessMode();
    }

    /** The finding the bottleneck variant of this config must produce; never null. */
    ExpectedFinding expectedFinding(DemoConfig config);

    /**
     * The finding a scaling analysis ({@code paragent scale}) of the bottleneck variant of this
     * config must put at the top, comparing 1 thread with more; never null. By default the
     * diagnosis' {@link #expectedFinding}: a planted cause that costs time at N threads is also
     * what the speedup lost to.
     */
    default ExpectedFinding expectedScaling(DemoConfig config) {
        return expectedFinding(config);
    }

    /**
     * Runs the demo on {@code config.threads()} new worker threads, or in process mode on
     * {@code config.processes()} worker JVMs, and waits for them.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    DemoResult run(DemoConfig config) throws InterruptedException;
}
