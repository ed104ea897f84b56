package paragent.agent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.RecordingFile;

/**
 * Cost of the {@code children} option for one child JVM: starts {@code paragent.testapps.StartTimeApp}
 * without and with the agent as a child gets it ({@code out=...,jfr,quiet,children,runId,parentPid}),
 * interleaved, and prints the medians and minima over the children of spawn → child's main,
 * spawn → child's exit, and the child's {@code RunInfo.agentStartNanos}. Run from {@code agent/}
 * after {@code mvn -o -q package -DskipTests}:
 *
 * <pre>
 * java -cp target/test-classes paragent.agent.bench.ChildJvmStartCost [pairs] [java executable]
 * </pre>
 *
 * Single-threaded: one child at a time.
 */
public final class ChildJvmStartCost {

    private static final Path AGENT = Path.of("target/paragent.jar").toAbsolutePath();
    private static final Path CLASSES = Path.of("target/test-classes").toAbsolutePath();

    private ChildJvmStartCost() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String java = args.length > 1 ? args[1] : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempDirectory("paragent-start-cost");
        String agent = "-javaagent:" + AGENT + "=out=" + out + ",jfr,quiet,children,runId=bench-1,parentPid="
                + ProcessHandle.current().pid();
        List<Double> mainWithout = new ArrayList<>();
        List<Double> exitWithout = new ArrayList<>();
        List<Double> mainWith = new ArrayList<>();
        List<Double> exitWith = new ArrayList<>();
        List<Double> agentStart = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            for (boolean withAgent : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", CLASSES.toString(),
                        "paragent.testapps.StartTimeApp"));
                if (withAgent) {
                    command.add(1, agent);
                }
                long spawn = System.nanoTime();
                Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
                String text = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                child.waitFor();
                long exited = System.nanoTime();
                long main = Long.parseLong(text);
                (withAgent ? mainWith : mainWithout).add((main - spawn) / 1e6);
                (withAgent ? exitWith : exitWithout).add((exited - spawn) / 1e6);
                if (withAgent) {
                    agentStart.add(agentStartMillis(out.resolve("paragent-" + child.pid() + ".jfr")));
                }
            }
        }
        print("spawn -> main, without agent", mainWithout);
        print("spawn -> main, with agent (child mode)", mainWith);
        print("spawn -> exit, without agent", exitWithout);
        print("spawn -> exit, with agent (child mode)", exitWith);
        print("RunInfo.agentStartNanos", agentStart);
    }

    private static double agentStartMillis(Path recording) throws IOException {
        return RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("paragent.RunInfo")).findFirst().orElseThrow()
                .getLong("agentStartNanos") / 1e6;
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-42s median %7.1f ms   min %7.1f ms   (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.size());
    }
}
