package paragent.agent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost per task of the executor instrumentation: runs {@code paragent.testapps.ExecutorOverheadApp}
 * in child JVMs without and with the agent, interleaved (A B, B A, ...) so that a drift of the
 * machine falls on both sides alike, and prints per figure (ns per task) the medians and the minima
 * over the children; on a shared machine the minima are the least disturbed runs. Run from {@code agent/}
 * after {@code mvn -o -q package -DskipTests}:
 *
 * <pre>
 * java -cp target/test-classes paragent.agent.bench.ExecutorOverhead [pairs] [java executable]
 * </pre>
 *
 * Single-threaded: one child at a time.
 */
public final class ExecutorOverhead {

    private static final Path AGENT = Path.of("target/paragent.jar").toAbsolutePath();
    private static final Path CLASSES = Path.of("target/test-classes").toAbsolutePath();

    private ExecutorOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String java = args.length > 1 ? args[1] : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Double>> without = new LinkedHashMap<>();
        Map<String, List<Double>> with = new LinkedHashMap<>();
        Path out = Files.createTempDirectory("paragent-bench");
        for (int pair = 0; pair < pairs; pair++) {
            boolean agentFirst = pair % 2 == 1;
            run(java, agentFirst, out, agentFirst ? with : without);
            run(java, !agentFirst, out, agentFirst ? without : with);
        }
        System.out.printf(Locale.ROOT, "| figure | pairs | median without | median with | Δ median | min without | min with | Δ min |%n");
        System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|%n");
        for (String figure : without.keySet()) {
            double a = median(without.get(figure));
            double b = median(with.get(figure));
            double minA = Collections.min(without.get(figure));
            double minB = Collections.min(with.get(figure));
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %+.0f | %.0f | %.0f | %+.0f |%n", figure, pairs, a, b,
                    b - a, minA, minB, minB - minA);
        }
        System.out.println("runs without: " + without + "\nruns with: " + with);
    }

    private static void run(String java, boolean agent, Path out, Map<String, List<Double>> into)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        if (agent) {
            command.add("-javaagent:" + AGENT + "=out=" + out + ",quiet");
        }
        command.addAll(List.of("-cp", CLASSES.toString(), "paragent.testapps.ExecutorOverheadApp"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("child failed: " + output);
        }
        for (String line : output.strip().split("\n")) {
            String[] parts = line.split(" ");
            into.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
