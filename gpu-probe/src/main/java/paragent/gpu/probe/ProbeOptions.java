package paragent.gpu.probe;

import java.nio.file.Path;

/**
 * The probe's command line, {@code [--device N] [--json F] [-o F.html] [--quick] [--help]}, and the
 * measurement plan it implies. Immutable; thread-safe.
 *
 * @param device the global index of the device to probe (devices numbered across platforms in
 *               listing order), or null for the first GPU, else device 0
 * @param json   where to write the JSON, or null
 * @param html   where to write the HTML page, or null
 * @param quick  the short plan for tests: {@value #QUICK_MAX_BYTES} bytes at most, {@value #QUICK_REPEATS} repeats
 * @param help   print the usage and do nothing else
 */
record ProbeOptions(Integer device, Path json, Path html, boolean quick, boolean help) {

    /** The smallest transfer measured: 4 KiB. */
    static final long MIN_BYTES = 4L << 10;
    /** The largest transfer of a full run: 256 MiB (less when the device allows less). */
    static final long FULL_MAX_BYTES = 256L << 20;
    /** The largest transfer under {@code --quick}: 16 MiB. */
    static final long QUICK_MAX_BYTES = 16L << 20;
    /** The largest array per operand in the offload sweep of a full run: the host's loop runs at every size. */
    static final long FULL_OFFLOAD_MAX_BYTES = 64L << 20;
    /** The largest array per operand in the offload sweep under {@code --quick}. */
    static final long QUICK_OFFLOAD_MAX_BYTES = 4L << 20;
    /** Measured repeats per point of a full run, after {@value #FULL_WARMUPS} warm-ups. */
    static final int FULL_REPEATS = 10;
    static final int FULL_WARMUPS = 2;
    /** Measured repeats per point under {@code --quick}, after {@value #QUICK_WARMUPS} warm-up. */
    static final int QUICK_REPEATS = 3;
    static final int QUICK_WARMUPS = 1;

    static final String USAGE = String.join("\n",
            "Usage: paragent gpu-probe [--device N] [--json FILE] [-o FILE.html] [--quick]",
            "Measures an OpenCL device: host<->device transfer time by size (pageable and pinned host",
            "memory), kernel launch latency, a memory-bound and a compute-bound kernel, and the problem",
            "size from which offloading them beats the host's cores.",
            "  --device N         the device to probe, numbered across platforms as listed",
            "                     (default: the first GPU, else device 0)",
            "  --json FILE        write the measurements as JSON (schema paragent/gpu-probe@1)",
            "  -o, --output FILE  write a self-contained HTML page with charts",
            "  --quick            4 KiB..16 MiB, 3 repeats (default 4 KiB..256 MiB, 10 repeats)",
            "  -h, --help         print this help");

    /** A command line the probe cannot run with; the message says what is wrong, in one line. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** @throws UsageException for an unknown option, a missing or malformed value, or a positional argument */
    static ProbeOptions parse(String... args) throws UsageException {
        Integer device = null;
        Path json = null;
        Path html = null;
        boolean quick = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String inline = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "--device" -> {
                    device = deviceIndex(inline != null ? inline : valueOf(args, ++i, name));
                }
                case "--json" -> json = Path.of(inline != null ? inline : valueOf(args, ++i, name));
                case "-o", "--output" -> html = Path.of(inline != null ? inline : valueOf(args, ++i, name));
                case "--quick" -> quick = flag(name, inline);
                case "-h", "--help" -> help = flag(name, inline);
                default -> throw new UsageException(name.startsWith("-") ? "unknown option '" + name + "'"
                        : "unexpected argument '" + name + "'");
            }
        }
        return new ProbeOptions(device, json, html, quick, help);
    }

    long maxBytes() {
        return quick ? QUICK_MAX_BYTES : FULL_MAX_BYTES;
    }

    long offloadMaxBytes() {
        return quick ? QUICK_OFFLOAD_MAX_BYTES : FULL_OFFLOAD_MAX_BYTES;
    }

    int repeats() {
        return quick ? QUICK_REPEATS : FULL_REPEATS;
    }

    int warmups() {
        return quick ? QUICK_WARMUPS : FULL_WARMUPS;
    }

    private static String valueOf(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].isEmpty()) {
            throw new UsageException("option '" + option + "' needs a value");
        }
        return args[index];
    }

    private static boolean flag(String option, String inline) throws UsageException {
        if (inline != null) {
            throw new UsageException("option '" + option + "' takes no value");
        }
        return true;
    }

    private static int deviceIndex(String value) throws UsageException {
        try {
            int index = Integer.parseInt(value);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new UsageException("--device needs a device number (0, 1, ...), not '" + value + "'");
    }
}
