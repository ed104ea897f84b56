package paragent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the application and of the environment (docs/FAULTS.md): in each the program's stdout
 * and exit code stay its own, stderr holds the JVM's own lines and at most the documented
 * {@code paragent:} lines, and every report that could be written is. One JVM per fault, all
 * started (two at a time) before the first test checks its own.
 */
class FaultsIT {

    private static final String APP = "paragent.testapps.FaultApp";
    private static final Path OTHER_HDRHISTOGRAM = Path.of(System.getProperty("it.hdrhistogram.jar",
            "target/it-libs/HdrHistogram.jar")).toAbsolutePath();
    /** Root in a container that may make mount namespaces: the full disk and read-only directory are real mounts. */
    private static final boolean CAN_MOUNT = canMount();
    private static final boolean VIRTUAL_THREADS = Runtime.version().feature() >= 21;

    @TempDir
    static Path dir;

    private static final Map<String, Future<ForkedJvm.Result>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService pool;

    @BeforeAll
    static void startEveryFault() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        start("oom", agent("oom", "-Xmx96m"));
        start("stackoverflow", agent("stackoverflow"));
        start("halt", agent("halt"));
        start("threads", agent("threads"));
        start("hdr", ForkedJvm.command("out=" + out("hdr"),
                ForkedJvm.TEST_CLASSES + File.pathSeparator + OTHER_HDRHISTOGRAM, APP, "hdr"));
        if (VIRTUAL_THREADS) {
            start("pinned", ForkedJvm.command("out=" + out("pinned") + ",jfr,json", ForkedJvm.TEST_CLASSES.toString(),
                    APP, "pinned"));
        }
        Path tmp = Files.createDirectories(dir.resolve("fulldisk-tmp"));
        start("fulldisk", inMountNamespace("mount -t tmpfs -o size=8k tmpfs \"$d\"", Files.createDirectories(
                dir.resolve("fulldisk")), agentWritingTo("fulldisk", "work", "-Djava.io.tmpdir=" + tmp)));
        Path readOnly = Files.createDirectories(dir.resolve("read-only-tmp"));
        List<String> flame = ForkedJvm.command("out=" + out("flame") + ",flame=cpu",
                ForkedJvm.TEST_CLASSES.toString(), APP, "work");
        flame.add(1, "-Dparagent.flame.tmpdir=" + readOnly);
        if (CAN_MOUNT) {
            start("flame", inMountNamespace("mount --bind \"$d\" \"$d\" && mount -o remount,ro,bind \"$d\"", readOnly,
                    flame));
        } else {
            readOnly.toFile().setWritable(false, false);
            start("flame", flame);
        }
        start("schedstat", agentWritingTo("schedstat", "work",
                "-Dparagent.proc=" + Files.createDirectories(dir.resolve("no-proc"))));
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void outOfMemoryErrorKeepsTheExitCodeAndTheJvmsMessageAndTheReportsAreWritten() throws Exception {
        ForkedJvm.Result result = result("oom");
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("allocating\n");
        assertThat(jvmLines(result)).as(result.stderr()).first().isEqualTo("Exception in thread \"main\" java.lang.OutOfMemoryError: "
                + "Java heap space");
        // The agent's own threads met the exhausted heap too: nothing of theirs but paragent: lines.
        assertThat(result.stderr()).doesNotContain("UncaughtExceptionHandler").doesNotContain("in thread \"paragent-");
        assertThat(ExitReportIT.reports(out("oom"))).hasSize(3);
    }

    @Test
    void uncaughtStackOverflowErrorKeepsTheExitCodeAndTheReportsAreWritten() throws Exception {
        ForkedJvm.Result result = result("stackoverflow");
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("caught StackOverflowError, rethrowing\n");
        assertThat(jvmLines(result)).first().isEqualTo("Exception in thread \"main\" java.lang.StackOverflowError");
        assertThat(ExitReportIT.reports(out("stackoverflow"))).hasSize(3);
    }

    @Test
    void runtimeHaltExitsAtOnceWithItsCodeAndLeavesNoReport() throws Exception {
        ForkedJvm.Result result = result("halt");
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(5);
        assertThat(result.stdout()).isEqualTo("halting\n");
        assertThat(result.stderr()).as("halt runs no shutdown hook: the agent has no chance to speak").isEmpty();
        assertThat(ExitReportIT.reports(out("halt"))).isEmpty();
    }

    @Test
    void tenThousandThreadsGetABoundedReport() throws Exception {
        ForkedJvm.Result result = result("threads");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=200000\n");
        assertThat(result.stderrMessages()).singleElement().satisfies(line -> assertThat(line).startsWith("paragent: "));
        List<Path> reports = ExitReportIT.reports(out("threads"));
        assertThat(reports).hasSize(3);
        for (Path report : reports) {
            if (!report.toString().endsWith(".jfr")) {
                assertThat(Files.size(report)).as("size of %s", report).isLessThan(4L << 20);
            }
        }
    }

    @Test
    void applicationWithItsOwnHdrHistogramVersionRunsCorrectly() throws Exception {
        ForkedJvm.Result result = result("hdr");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("p50=500\nhdrhistogram="
                + OTHER_HDRHISTOGRAM.toUri().toString().replace("file:///", "file:/") + "\ncounter=200000\n");
        assertThat(result.stderrMessages()).singleElement().satisfies(line -> assertThat(line).startsWith("paragent: ")
                .doesNotContain("could not"));
        assertThat(ExitReportIT.reports(out("hdr"))).hasSize(3);
    }

    @Test
    void pinnedVirtualThreadsAreRecordedAndReported() throws Exception {
        assumeThat(VIRTUAL_THREADS).as("virtual threads need JDK 21+").isTrue();
        ForkedJvm.Result result = result("pinned");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("virtual threads done\ncounter=0\n");
        assertThat(RecordingFile.readAllEvents(ExitReportIT.recording(out("pinned"))))
                .filteredOn(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned")).hasSizeGreaterThanOrEqualTo(4);
        JsonNode pinning = json("pinned").get("virtualThreadPinning");
        assertThat(pinning.get("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(pinning.get("reasons").get(0).get("reason").asText()).contains("<clinit>");
    }

    @Test
    void fullDiskMovesTheReportsToTheTempDirectoryAndSaysSo() throws Exception {
        assumeThat(CAN_MOUNT).as("a full disk is a tmpfs mounted in a namespace of its own: needs root").isTrue();
        ForkedJvm.Result result = result("fulldisk");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=400000\n");
        assertThat(result.stderrMessages()).hasSize(2);
        assertThat(result.stderrLines().get(0)).startsWith("paragent: cannot write to out=" + dir.resolve("fulldisk")
                + " (its disk is full: 8 KiB free); writing the reports to " + dir.resolve("fulldisk-tmp"));
        try (var dirs = Files.list(dir.resolve("fulldisk-tmp"))) {
            assertThat(ExitReportIT.reports(dirs.filter(Files::isDirectory).findFirst().orElseThrow())).hasSize(3);
        }
    }

    @Test
    void readOnlyTempDirectoryForAsyncProfilerCostsTheFlameGraphOneLine() throws Exception {
        ForkedJvm.Result result = result("flame");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=400000\n");
        assertThat(result.stderrMessages()).hasSize(2);
        assertThat(result.stderrLines().get(0)).startsWith("paragent: could not load async-profiler for the flame graphs");
        assertThat(ExitReportIT.reports(out("flame"))).hasSize(3);
    }

    @Test
    void withoutSchedstatTheReportSaysTheRunQueueIsUnknown() throws Exception {
        ForkedJvm.Result result = result("schedstat");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("counter=400000\n");
        assertThat(result.stderrMessages()).singleElement().satisfies(line -> assertThat(line).startsWith("paragent: "));
        assertThat(ExitReportIT.reports(out("schedstat"))).hasSize(3);
        assertThat(json("schedstat").get("warnings").toString()).contains("no run-queue times (Linux schedstat)");
    }

    private static Path out(String fault) {
        return dir.resolve(fault);
    }

    private static List<String> agent(String mode, String... jvmOptions) {
        return agentWritingTo(mode, mode, jvmOptions);
    }

    /** The program in {@code mode} under the agent writing to {@link #out} of {@code fault}. */
    private static List<String> agentWritingTo(String fault, String mode, String... jvmOptions) {
        List<String> command = ForkedJvm.command("out=" + out(fault), ForkedJvm.TEST_CLASSES.toString(), APP, mode);
        command.addAll(1, List.of(jvmOptions));
        return command;
    }

    private static void start(String fault, List<String> command) {
        RUNS.put(fault, pool.submit(() -> ForkedJvm.run(command, dir.resolve("work-" + fault))));
    }

    private static ForkedJvm.Result result(String fault) throws Exception {
        return RUNS.get(fault).get();
    }

    /** The lines on stderr that are not the agent's. */
    private static List<String> jvmLines(ForkedJvm.Result result) {
        return result.stderrLines().stream().filter(line -> !line.startsWith("paragent: ")).toList();
    }

    private static JsonNode json(String fault) throws Exception {
        Path json = ExitReportIT.reports(out(fault)).stream().filter(p -> p.toString().endsWith(".json")).findFirst()
                .orElseThrow();
        return new ObjectMapper().readTree(json.toFile());
    }

    /**
     * Runs {@code command} in a mount namespace of its own in which {@code mount} (a shell command
     * on {@code $d}, the directory) has changed {@code directory}; the test's view stays as it was.
     */
    private static List<String> inMountNamespace(String mount, Path directory, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "d=\"$1\"; shift; " + mount + " || exit 99; exec \"$@\"", "sh", directory.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean canMount() {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
