package paragent.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one demo run is configured: worker thread count, variant, work scale, the demo's own
 * options and, for the demos that have one, the process mode.
 *
 * <p>{@code options} maps an option name without its leading dashes ({@code "lock"}) to its value
 * as typed; a flag maps to {@code "true"}. Absent options take the default declared by the demo's
 * {@link DemoOption}. The map is copied, so a config is immutable and safe to share between
 * threads.
 *
 * @param threads number of worker threads, at least 1
 * @param variant which variant runs
 * @param scale multiplier of the demo's default total work, finite and positive
 * @param options demo-specific options, already validated by {@link DemoMain} or the caller
 * @param processes worker processes (JVMs) of the process mode, or 0 for the thread mode
 */
public record DemoConfig(int threads, Variant variant, double scale, Map<String, String> options, int processes) {

    /** Scale when none is given: the default amount of work. */
    public static final double DEFAULT_SCALE = 1.0;

    /** Validates the numbers and copies the options. */
    public DemoConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        Objects.requireNonNull(variant, "variant");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("--scale must be a positive number, not " + scale);
        }
        options = Map.copyOf(options);
        if (processes < 0) {
            throw new IllegalArgumentException("--processes must be at least 1, not " + processes);
        }
    }

    /** A thread-mode config. */
    public DemoConfig(int threads, Variant variant, double scale, Map<String, String> options) {
        this(threads, variant, scale, options, 0);
    }

    /** A config with no demo-specific options. */
    public static DemoConfig of(int threads, Variant variant, double scale) {
        return new DemoConfig(threads, variant, scale, Map.of());
    }

    /** A copy of this config with one more option ({@code "true"} for a flag). */
    public DemoConfig withOption(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(name, value);
        return new DemoConfig(threads, variant, scale, copy, processes);
    }

    /** A copy of this config that runs {@code count} worker processes ({@code 0}: the thread mode). */
    public DemoConfig withProcesses(int count) {
        return new DemoConfig(threads, variant, scale, options, count);
    }

    /** Whether this config runs worker processes rather than worker threads. */
    public boolean isProcessMode() {
        return processes > 0;
    }

    /**
     * {@code baseAmount × scale}, rounded, and at least 1: the amount of work a demo does for a
     * default amount of {@code baseAmount}.
     */
    public long scaled(long baseAmount) {
        return Math.max(1L, Math.round(baseAmount * scale));
    }
}
