package paragent.demo.gil;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import paragent.demo.Demo;
import paragent.demo.DemoConfig;
import paragent.demo.DemoOption;
import paragent.demo.DemoResult;
import paragent.demo.ExpectedFinding;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.processes.Worker;

/**
 * {@code gil}, after the seed's {@code mt_pro.py}: CPU-bound work on threads that, like CPython
 * threads, may run only while holding one global lock.
 *
 * <p>The work counts the primes below a limit ({@value #DEFAULT_LIMIT} × scale) in units of
 * {@value #UNIT_WIDTH} numbers; worker {@code i} of {@code N} takes units {@code i, i+N, ...}.
 * Bottleneck: every unit runs while holding one {@link GlobalInterpreterLock}, released and
 * re-acquired every {@code --switch-interval} units (CPython's switch interval), so threads take
 * turns and at most one computes at a time. Fixed: no global lock. Result: the prime count, the
 * same in both variants. With {@code --processes N} the counting runs in worker JVMs instead
 * ({@link GilProcesses}). Stateless; see {@link Demo}.
 */
public final class GilDemo implements Demo {

    /** Primes are counted below this limit at scale 1. */
    public static final long DEFAULT_LIMIT = 10_000_000L;
    /** Numbers per work unit. */
    public static final int UNIT_WIDTH = 1_000;
    /** Work units between releases of the global lock. */
    public static final int DEFAULT_SWITCH_INTERVAL = 25;

    static final DemoOption SWITCH_INTERVAL = DemoOption.intOption("switch-interval", 1, DEFAULT_SWITCH_INTERVAL,
            "work units between releases of the global lock");

    @Override
    public String name() {
        return "gil";
    }

    @Override
    public String description() {
        return "CPU-bound prime counting where every work unit holds one global lock, like CPython's GIL"
                + " (fixed: no global lock)";
    }

    @Override
    public List<DemoOption> options() {
        return List.of(SWITCH_INTERVAL);
    }

    @Override
    public Optional<Worker> worker() {
        return Optional.of(new GilProcesses());
    }

    /**
     * The share of PROCESS_SPAWN the fixed process mode may show: it starts its N worker JVMs once,
     * and at the default scale their start-up is still 10–20% of the run's worker time on 2 cores
     * (the bottleneck's 16 starts: 30% and more).
     */
    static final double PROCESSES_FIXED_MAX_SHARE = 0.25;

    @Override
    public ExpectedFinding expectedFinding(DemoConfig config) {
        if (config.isProcessMode()) {
            return new ExpectedFinding("PROCESS_SPAWN", "java", "paragent.demo.gil.", PROCESSES_FIXED_MAX_SHARE);
        }
        return ExpectedFinding.lockContention("paragent.demo.gil.GlobalInterpreterLock", "paragent.demo.gil.");
    }

    @Override
    public DemoResult run(DemoConfig config) throws InterruptedException {
        if (config.isProcessMode()) {
            return GilProcesses.run(config);
        }
        long limit = config.scaled(DEFAULT_LIMIT);
        long units = (limit + UNIT_WIDTH - 1) / UNIT_WIDTH;
        int threads = config.threads();
        int switchInterval = SWITCH_INTERVAL.intValue(config);
        GlobalInterpreterLock gil = config.variant() == Variant.BOTTLENECK ? new GlobalInterpreterLock() : null;
        LongAdder primes = new LongAdder();

        long wallNanos = Workers.runAll(name(), threads, index -> {
            long count = gil == null
                    ? countEvery(index, threads, limit)
                    : countUnderLock(gil, switchInterval, index, threads, units, limit);
            primes.add(count);
        });
        return new DemoResult(wallNanos, Long.toString(primes.sum()),
                Map.of("units", Long.toString(units)));
    }

    /** The primes below {@code limit} in units {@code first, first+step, ...}. */
    static long countEvery(int first, int step, long limit) {
        long units = (limit + UNIT_WIDTH - 1) / UNIT_WIDTH;
        long count = 0;
        for (long unit = first; unit < units; unit += step) {
            count += countUnit(unit, limit);
        }
        return count;
    }

    private static long countUnderLock(GlobalInterpreterLock gil, int switchInterval, int index, int threads,
            long units, long limit) {
        long count = 0;
        int sinceSwitch = 0;
        gil.acquire();
        try {
            for (long unit = index; unit < units; unit += threads) {
                count += countUnit(unit, limit);
                if (++sinceSwitch == switchInterval) {
                    // CPython's eval loop drops the GIL at the switch interval so waiting threads get a turn.
                    gil.release();
                    gil.acquire();
                    sinceSwitch = 0;
                }
            }
        } finally {
            gil.release();
        }
        return count;
    }

    private static int countUnit(long unit, long limit) {
        long from = unit * UNIT_WIDTH;
        return Primes.countInRange(from, Math.min(limit, from + UNIT_WIDTH));
    }
}
