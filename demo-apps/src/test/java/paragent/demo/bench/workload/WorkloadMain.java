package paragent.demo.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs real open-source workloads for the overhead harness, one after the other in this JVM:
 *
 * <pre>
 * java -cp demo-apps/target/test-classes:$(cat demo-apps/target/workload-classpath.txt) \
 *      paragent.demo.bench.workload.WorkloadMain h2|lucene|jetty[,...] [--threads N] [--scale F]
 * </pre>
 *
 * Each workload first does a warm-up run of {@value #WARMUP_SHARE} of its units (class loading,
 * the JIT's first tiers), then the timed run, and prints one line
 * {@code NAME threads=N units=U wallMillis=MS result=R}: the timed run's wall time and checksum.
 * {@code --scale} multiplies every workload's default units (smaller for tests). Exits 2 on bad
 * arguments. Single-threaded apart from the workers each workload starts.
 */
public final class WorkloadMain {

    /** Share of the timed units done first as an untimed warm-up. */
    static final double WARMUP_SHARE = 0.2;

    /**
     * A workload's factory and its default units: a timed run of ~3–4 s with 2 threads on the quiet
     * 2-core development VM (measured on JDK 25 for lucene and jetty; h2 scaled from 1.4 s at 30,000).
     */
    private record Kind(int defaultUnits, Factory factory) {
    }

    @FunctionalInterface
    private interface Factory {
        Workload create() throws Exception;
    }

    /** The workloads by name. */
    private static final Map<String, Kind> KINDS = Map.of(
            "h2", new Kind(75_000, H2Workload::new),
            "lucene", new Kind(20_000, LuceneWorkload::new),
            "jetty", new Kind(5_000, JettyWorkload::new));

    private WorkloadMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        int threads = 2;
        double scale = 1.0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                    case "--scale" -> scale = Double.parseDouble(value(args, ++i));
                    default -> names.addAll(List.of(args[i].split(",")));
                }
            }
            if (names.isEmpty() || threads < 1 || !(scale > 0)) {
                throw new IllegalArgumentException("usage: WorkloadMain " + String.join("|", KINDS.keySet())
                        + "[,...] [--threads N>=1] [--scale F>0]");
            }
            for (String name : names) {
                if (!KINDS.containsKey(name)) {
                    throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + KINDS.keySet());
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("WorkloadMain: " + e.getMessage());
            System.exit(2);
        }
        for (String name : names) {
            run(name, KINDS.get(name), threads, scale);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void run(String name, Kind kind, int threads, double scale) throws Exception {
        int units = Math.max(threads, (int) Math.round(kind.defaultUnits() * scale));
        try (Workload workload = kind.factory().create()) {
            workload.run(threads, Math.max(threads, (int) (units * WARMUP_SHARE)));
            long start = System.nanoTime();
            long result = workload.run(threads, units);
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "%s threads=%d units=%d wallMillis=%d result=%d%n", name, threads, units,
                    wallMillis, result);
        }
    }
}
