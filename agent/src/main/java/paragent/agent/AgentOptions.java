package paragent.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import paragent.agent.flame.FlameMode;

/**
 * The agent's options: {@code -javaagent:paragent.jar=key=value,flag,...}, like JaCoCo and
 * async-profiler. Every key below is a named constant with its default. An unknown key or a
 * malformed value is reported in {@link #errors()} with a precise message, and the other options
 * still apply. The keys {@link #RUN_ID} and {@link #PARENT_PID} are internal: paragent sets them
 * for the child JVMs it starts under {@link #CHILDREN} ({@link #childOptions}). Immutable,
 * thread-safe.
 */
public final class AgentOptions {

    /** Output directory for the reports. Default: the working directory. */
    public static final String OUT = "out";
    /** Write the HTML report. With none of html/json/jfr given, all three are written. */
    public static final String HTML = "html";
    /** Write the JSON summary ({@code paragent/summary@1}). */
    public static final String JSON = "json";
    /** Keep the JFR recording. */
    public static final String JFR = "jfr";
    /** Print nothing at exit except errors. */
    public static final String QUIET = "quiet";
    /** Record for this long after start (e.g. {@code 30s}, {@code 2m}), then write the reports. */
    public static final String DURATION = "duration";
    /**
     * Contended waits at least this long are recorded one by one with stack traces (e.g.
     * {@code 10us}); shorter ones are counted in aggregates only. Default 10 µs.
     */
    public static final String THRESHOLD = "threshold";
    /** Period of the execution sampler (e.g. {@code 10ms}). Default 10 ms. */
    public static final String INTERVAL = "interval";
    /**
     * Child JVMs the program starts ({@code argv[0]} named {@code java}) get the agent too, with
     * these options, their own recording in the same {@code out} directory and this run's id.
     */
    public static final String CHILDREN = "children";
    /**
     * Flame graphs from async-profiler: {@code off}, or modes joined by {@code +} among {@code cpu}
     * (on-CPU samples every 10 ms), {@code wall} (every thread every 20 ms) and {@code lock}
     * (contended waits at least {@link #THRESHOLD} long), e.g. {@code flame=cpu+wall+lock}.
     * Default {@code off}: async-profiler costs each JVM about 0.7 s of CPU to load and start and
     * 0.3 s to convert its samples at exit (docs/PERFORMANCE.md), while the report's CPU flame graph
     * can come from JFR's execution samples and its lock graphs from the recorded waits. Child JVMs
     * under {@link #CHILDREN} inherit it.
     */
    public static final String FLAME = "flame";
    /**
     * The directory of the weave cache, which keeps ByteBuddy's woven class bytes so that later
     * JVMs start without loading ByteBuddy, or {@code off} to weave every time. Default:
     * {@code $XDG_CACHE_HOME/paragent/weave}, else {@code ~/.cache/paragent/weave}. A directory that
     * cannot be used is one line and the agent weaves without it (silently for the default). Child
     * JVMs under {@link #CHILDREN} inherit it.
     */
    public static final String CACHE = "cache";
    /** The value of {@link #CACHE} that turns the cache off. */
    public static final String OFF = "off";
    /**
     * Internal, set by paragent for child JVMs under {@link #CHILDREN}: the id of the run the JVM
     * belongs to (letters, digits, {@code -}, {@code _}, {@code .}).
     */
    public static final String RUN_ID = "runId";
    /**
     * Internal, set by paragent for child JVMs under {@link #CHILDREN}: the pid of the JVM that
     * started this one. Its presence makes this JVM a child: it writes its recording only, with no
     * report and no exit line.
     */
    public static final String PARENT_PID = "parentPid";

    static final Duration DEFAULT_THRESHOLD = Duration.ofNanos(10_000);
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);
    static final Set<FlameMode> DEFAULT_FLAME = Set.of();
    /** The keys users write, as listed in the message for an unknown key; the internal ones are not. */
    private static final List<String> KEYS = List.of(OUT, HTML, JSON, JFR, QUIET, DURATION, THRESHOLD, INTERVAL,
            CHILDREN, FLAME, CACHE);

    private final String raw;
    private final Path outDir;
    private final boolean html;
    private final boolean json;
    private final boolean jfr;
    private final boolean quiet;
    private final Duration duration;
    private final Duration threshold;
    private final Duration interval;
    private final boolean children;
    private final Set<FlameMode> flame;
    private final boolean cache;
    private final Path cacheDir;
    private final String runId;
    private final long parentPid;
    private final List<String> errors;

    private AgentOptions(String raw, Path outDir, boolean html, boolean json, boolean jfr, boolean quiet,
            Duration duration, Duration threshold, Duration interval, boolean children, Set<FlameMode> flame,
            boolean cache, Path cacheDir, String runId, long parentPid, List<String> errors) {
        this.raw = raw;
        this.outDir = outDir;
        boolean none = !html && !json && !jfr;
        this.html = html || none;
        this.json = json || none;
        this.jfr = jfr || none;
        this.quiet = quiet;
        this.duration = duration;
        this.threshold = threshold;
        this.interval = interval;
        this.children = children;
        this.flame = flame.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flame));
        this.cache = cache;
        this.cacheDir = cacheDir;
        this.runId = runId;
        this.parentPid = parentPid;
        this.errors = Collections.unmodifiableList(errors);
    }

    /** Parses an agent argument string; null or empty gives the defaults. Never throws. */
    public static AgentOptions parse(String args) {
        String raw = args == null ? "" : args.trim();
        Path outDir = Path.of(".");
        boolean html = false;
        boolean json = false;
        boolean jfr = false;
        boolean quiet = false;
        Duration duration = null;
        Duration threshold = DEFAULT_THRESHOLD;
        Duration interval = DEFAULT_INTERVAL;
        boolean children = false;
        Set<FlameMode> flame = DEFAULT_FLAME;
        boolean cache = true;
        Path cacheDir = null;
        String runId = null;
        long parentPid = -1;
        List<String> errors = new ArrayList<>();
        for (String token : raw.isEmpty() ? new String[0] : raw.split(",")) {
            String option = token.trim();
            if (option.isEmpty()) {
                continue;
            }
            int eq = option.indexOf('=');
            String key = (eq < 0 ? option : option.substring(0, eq)).trim();
            String value = eq < 0 ? null : option.substring(eq + 1).trim();
            try {
                switch (key) {
                    case OUT:
                        outDir = Path.of(require(key, value));
                        break;
                    case HTML:
                        html = flag(key, value);
                        break;
                    case JSON:
                        json = flag(key, value);
                        break;
                    case JFR:
                        jfr = flag(key, value);
                        break;
                    case QUIET:
                        quiet = flag(key, value);
                        break;
                    case DURATION:
                        duration = positive(key, parseDuration(key, require(key, value)));
                        break;
                    case THRESHOLD:
                        threshold = parseDuration(key, require(key, value));
                        break;
                    case INTERVAL:
                        interval = positive(key, parseDuration(key, require(key, value)));
                        break;
                    case CHILDREN:
                        children = flag(key, value);
                        break;
                    case FLAME:
                        flame = FlameMode.parseAll(require(key, value));
                        break;
                    case CACHE:
                        cacheDir = OFF.equals(require(key, value)) ? null : Path.of(value);
                        cache = cacheDir != null;
                        break;
                    case RUN_ID:
                        runId = runId(require(key, value));
                        break;
                    case PARENT_PID:
                        parentPid = pid(key, require(key, value));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option '" + key + "' (valid: "
                                + String.join(", ", KEYS) + ")");
                }
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return new AgentOptions(raw, outDir, html, json, jfr, quiet, duration, threshold, interval, children, flame,
                cache, cacheDir, runId, parentPid, errors);
    }

    /**
     * Parses {@code 500us}, {@code 10ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is
     * seconds.
     */
    public static Duration parseDuration(String key, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < lower.length() && (Character.isDigit(lower.charAt(split)) || lower.charAt(split) == '.')) {
            split++;
        }
        String unit = lower.substring(split).trim();
        double amount;
        try {
            amount = Double.parseDouble(lower.substring(0, split));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option '" + key + "' needs a duration like 500us, 10ms, 30s or 2m, not '" + text + "'");
        }
        double nanosPerUnit;
        switch (unit) {
            case "ns":
                nanosPerUnit = 1;
                break;
            case "us":
                nanosPerUnit = 1e3;
                break;
            case "ms":
                nanosPerUnit = 1e6;
                break;
            case "":
            case "s":
                nanosPerUnit = 1e9;
                break;
            case "m":
                nanosPerUnit = 60e9;
                break;
            case "h":
                nanosPerUnit = 3600e9;
                break;
            default:
                throw new IllegalArgumentException("option '" + key + "' has an unknown unit '" + unit
                        + "' in '" + text + "' (use ns, us, ms, s, m or h)");
        }
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    private static Duration positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("option '" + key + "' must be greater than zero");
        }
        return value;
    }

    private static String runId(String value) {
        if (!value.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("option '" + RUN_ID + "' (set by paragent for child JVMs) needs"
                    + " letters, digits, '-', '_' or '.', not '" + value + "'");
        }
        return value;
    }

    private static long pid(String key, String value) {
        try {
            long pid = Long.parseLong(value);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option '" + key + "' (set by paragent for child JVMs) needs a process id,"
                + " not '" + value + "'");
    }

    private static String require(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("option '" + key + "' needs a value, e.g. " + key + "=" + example(key));
        }
        return value;
    }

    private static boolean flag(String key, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("option '" + key + "' is a flag: write '" + key + "' or '" + key
                + "=false', not '" + key + "=" + value + "'");
    }

    private static String example(String key) {
        switch (key) {
            case OUT:
                return "/tmp/reports";
            case DURATION:
                return "30s";
            case THRESHOLD:
                return "10us";
            case RUN_ID:
                return "4242-1700000000000";
            case PARENT_PID:
                return "4242";
            case FLAME:
                return "cpu+wall+lock";
            case CACHE:
                return "/tmp/weave";
            default:
                return "10ms";
        }
    }

    /** The argument string as given. */
    public String raw() {
        return raw;
    }

    public Path outDir() {
        return outDir;
    }

    public boolean html() {
        return html;
    }

    public boolean json() {
        return json;
    }

    public boolean jfr() {
        return jfr;
    }

    public boolean quiet() {
        return quiet;
    }

    /** The recording duration, or null to record until the JVM exits. */
    public Duration duration() {
        return duration;
    }

    public Duration threshold() {
        return threshold;
    }

    public Duration interval() {
        return interval;
    }

    /** Whether child JVMs get the agent too ({@link #CHILDREN}). */
    public boolean children() {
        return children;
    }

    /** The flame graph modes ({@link #FLAME}); empty for {@code off}. Iterates in cpu, wall, lock order. */
    public Set<FlameMode> flame() {
        return flame;
    }

    /** Whether the weave cache is on ({@link #CACHE} is not {@code off}). */
    public boolean cache() {
        return cache;
    }

    /** The weave cache's directory named by {@link #CACHE}, or null for the default (or off). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The run id inherited from the parent JVM ({@link #RUN_ID}), or null when this JVM starts a run. */
    public String runId() {
        return runId;
    }

    /** The parent JVM's pid ({@link #PARENT_PID}), or -1 when this JVM was not started under {@code children}. */
    public long parentPid() {
        return parentPid;
    }

    /** Whether this JVM was started by a profiled JVM under {@code children}: it records only. */
    public boolean isChild() {
        return parentPid > 0;
    }

    /**
     * The options a child JVM started by this one gets: the same {@code threshold}, {@code interval},
     * {@code flame}, {@code children} and, where given, {@code cache}, the recording only
     * ({@code jfr,quiet}: no report, nothing printed) in the same absolute {@code outDir}, recording
     * until the child exits ({@code duration} is not passed on), and this run's id with this JVM's
     * pid as the child's parent.
     *
     * @throws IllegalArgumentException when {@code outDir} or the cache directory contains a comma,
     *                                  which the option syntax cannot carry
     */
    public String childOptions(Path outDir, String runId, long pid) {
        List<String> options = new ArrayList<>(List.of(OUT + "=" + withoutComma("output", outDir), JFR, QUIET,
                CHILDREN, THRESHOLD + "=" + threshold.toNanos() + "ns", INTERVAL + "=" + interval.toNanos() + "ns",
                FLAME + "=" + FlameMode.format(flame)));
        if (!cache) {
            options.add(CACHE + "=" + OFF);
        } else if (cacheDir != null) {
            options.add(CACHE + "=" + withoutComma("cache", cacheDir));
        }
        options.add(RUN_ID + "=" + runId);
        options.add(PARENT_PID + "=" + pid);
        return String.join(",", options);
    }

    private static String withoutComma(String what, Path dir) {
        String absolute = dir.toAbsolutePath().toString();
        if (absolute.indexOf(',') >= 0) {
            throw new IllegalArgumentException("the " + what + " directory " + absolute + " contains a comma");
        }
        return absolute;
    }

    /** One message per bad option; empty when all were valid. */
    public List<String> errors() {
        return errors;
    }
}
