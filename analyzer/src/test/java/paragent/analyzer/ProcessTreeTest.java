package paragent.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.testing.EventRecordings;
import paragent.analyzer.testing.IpcEvents;
import paragent.analyzer.testing.ParagentEvents;
import paragent.analyzer.tree.IpcLink;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Loads real recordings made in this JVM with test copies of paragent's IPC events: a parent that
 * starts a child and talks to it over its stdin, the child, and a server on another "machine"
 * the parent connects to, recorded one after the other.
 */
class ProcessTreeTest {

    static final String RUN_ID = "100-1700000000000";
    static final String CHILD_COMMAND = "/usr/lib/jvm/java-17/bin/java -cp /work/demo/demo-apps.jar app.Worker";
    static final long BYTES_TO_CHILD = 123_456;
    static final long BYTES_FROM_CHILD = 5_000;
    static final long WRITE_NANOS = 150_000_000L;

    @TempDir
    static Path dir;
    static Path parent;
    static Path child;
    static Path server;

    @BeforeAll
    static void record() throws Exception {
        parent = record("paragent-100.jfr", ProcessTreeTest::parentJvm);
        child = record("paragent-200.jfr", ProcessTreeTest::childJvm);
        server = record("paragent-300.jfr", ProcessTreeTest::serverJvm);
    }

    @Test
    void parentChildAndSocketPeerFormOneRunRootFirst() throws Exception {
        MultiAnalysis multi = Analyzer.analyzeAll(List.of(child, server, parent));

        assertThat(multi.runs()).hasSize(1);
        ProcessTree tree = multi.primary();
        assertThat(tree.runId()).isEqualTo(RUN_ID);
        assertThat(tree.processes()).extracting(ProcessNode::pid).containsExactly(100L, 200L, 300L);
        assertThat(tree.processes()).extracting(ProcessNode::depth).containsExactly(0, 1, 0);
        assertThat(tree.processes().get(1).parentPid()).isEqualTo(100);
        assertThat(tree.processes().get(1).clockOffsetSeconds()).isZero();
        assertThat(tree.processes().get(1).bootSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(tree.wallSeconds()).isGreaterThanOrEqualTo(tree.root().wallSeconds());
    }

    @Test
    void pipeEndsMatchWithExactBytes() throws Exception {
        ProcessTree tree = Analyzer.analyzeAll(List.of(parent, child)).primary();

        IpcLink stdin = tree.links().stream().filter(l -> l.name().endsWith("(stdin)")).findFirst().orElseThrow();
        assertThat(stdin.name()).isEqualTo("pipe to child 200 'java -cp demo-apps.jar app.Worker' (stdin)");
        assertThat(stdin.kind()).isEqualTo(ChannelKind.PIPE);
        assertThat(stdin.matched()).isTrue();
        assertThat(stdin.fromPid()).isEqualTo(100);
        assertThat(stdin.toPid()).isEqualTo(200);
        assertThat(stdin.bytesFromTo()).isEqualTo(BYTES_TO_CHILD);
        assertThat(stdin.messagesFromTo()).isEqualTo(100);
        assertThat(stdin.sendSite()).startsWith("paragent.analyzer.ProcessTreeTest.sendToChild(");
        IpcLink stdout = tree.links().stream().filter(l -> l.name().endsWith("(stdout)")).findFirst().orElseThrow();
        assertThat(stdout.matched()).isFalse();
        assertThat(stdout.bytesToFrom()).isEqualTo(BYTES_FROM_CHILD);
    }

    @Test
    void mergedIpcFindingIsNamedForTheLinkAtTheSendingFrame() throws Exception {
        ProcessTree tree = Analyzer.analyzeAll(List.of(parent, child)).primary();

        // The stdout pipe's finding, when its time reaches the threshold, joins the stdin pipe's.
        List<String> names = List.of("pipe to child 200 'java -cp demo-apps.jar app.Worker' (stdin)",
                "pipes to child 200 'java -cp demo-apps.jar app.Worker' (stdin, stdout)");
        assertThat(tree.findings()).filteredOn(f -> names.contains(f.subject())).hasSize(1);
        Finding ipc = tree.findings().stream().filter(f -> names.contains(f.subject())).findFirst().orElseThrow();
        assertThat(ipc.kind()).isEqualTo(FindingKind.IPC);
        assertThat(ipc.where()).startsWith("paragent.analyzer.ProcessTreeTest.sendToChild(");
        assertThat(ipc.evidence()).containsAnyOf("120.6 KiB from 100 to 200", "120.6 KiB to the children");
        assertThat(tree.findings().stream().mapToDouble(Finding::share).sum()).isLessThanOrEqualTo(1.0);
        assertThat(ipc.share()).isCloseTo(ipc.lostThreadSeconds() / tree.workerSeconds(), within(1e-9));
    }

    @Test
    void jsonOfATreeHasTheProcessTreeLinksAndIpc() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        paragent.analyzer.render.json.JsonSummaryRenderer.render(Analyzer.analyzeAll(List.of(parent, child)), out);

        assertThat(out.toString()).contains("\"processTree\":{\"runId\":\"" + RUN_ID + "\"")
                .contains("\"bytesFromTo\":123456").contains("\"matched\":true")
                .contains("\"recording\":\"paragent-200.jfr\"").contains("\"ipc\":{\"channels\":[")
                .doesNotContain("\"comparison\"");
    }

    @Test
    void socketPeerClockOffsetComesFromConnectAndAccept() throws Exception {
        Analysis client = Analyzer.analyze(parent);
        Analysis accepted = Analyzer.analyze(server);
        ChannelModel connect = client.ipc().channels().stream().filter(c -> c.kind() == ChannelKind.SOCKET)
                .findFirst().orElseThrow();
        ChannelModel accept = accepted.ipc().channels().get(0);
        double acceptMinusMid = Duration.between(connect.openedAt(), accept.openedAt()).toNanos() / 1e9
                + connect.connectSeconds() / 2;

        ProcessTree tree = Analyzer.analyzeAll(List.of(parent, server)).primary();

        assertThat(connect.name()).isEqualTo("socket 10.0.0.5:9000");
        assertThat(accept.name()).isEqualTo("socket 10.0.0.5:9000");
        assertThat(connect.connectSeconds()).isGreaterThanOrEqualTo(0.01);
        ProcessNode serverNode = tree.processes().get(1);
        assertThat(serverNode.pid()).isEqualTo(300);
        // The server was recorded after the client: seen as a clock ahead of the root's.
        assertThat(acceptMinusMid).isGreaterThan(0);
        assertThat(serverNode.clockOffsetSeconds()).isCloseTo(-acceptMinusMid, within(1e-9));
        assertThat(tree.links()).filteredOn(l -> l.kind() == ChannelKind.SOCKET).singleElement()
                .satisfies(l -> {
                    assertThat(l.matched()).isTrue();
                    assertThat(l.fromPid()).isEqualTo(100);
                    assertThat(l.toPid()).isEqualTo(300);
                });
        assertThat(tree.warnings()).noneMatch(w -> w.contains("clock offset"))
                .anyMatch(w -> w.startsWith("child 200 of paragent-100.jfr"));
    }

    @Test
    void loaderReadsRunIdentitySerializationFileLocksAndMappedFiles() throws Exception {
        Analysis p = Analyzer.analyze(parent);
        Analysis c = Analyzer.analyze(child);

        assertThat(p.run().runId()).isEqualTo(RUN_ID);
        assertThat(p.run().pid()).isEqualTo(100);
        assertThat(p.run().children()).isTrue();
        assertThat(c.run().parentPid()).isEqualTo(100);
        assertThat(c.run().agentStartSeconds()).isEqualTo(0.05);
        assertThat(p.ipc().serialization()).singleElement().satisfies(s -> {
            assertThat(s.className()).isEqualTo("double[]");
            assertThat(s.objects()).isEqualTo(10);
            assertThat(s.cpuSeconds()).isCloseTo(0.03, within(1e-9));
        });
        assertThat(p.ipc().mappedFiles()).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("/tmp/counter.bin");
            assertThat(m.size()).isEqualTo(4096);
        });
        LockModel lock = p.locks().stream().filter(l -> l.key().kind() == LockKind.FILE).findFirst().orElseThrow();
        assertThat(lock.key().lockClass()).isEqualTo("file lock /tmp/counter.bin");
        assertThat(lock.waits().count()).isEqualTo(40);
        assertThat(lock.waiters()).singleElement().satisfies(w -> assertThat(w.waitNanos()).isEqualTo(20_000_000L));
    }

    @Test
    void oneRecordingIsOneRunWithItsAnalysisUnchanged() throws Exception {
        MultiAnalysis multi = Analyzer.analyzeAll(List.of(child));

        assertThat(multi.runs()).singleElement().satisfies(run -> {
            assertThat(run.processes()).hasSize(1);
            assertThat(run.findings()).isEqualTo(run.root().analysis().findings());
            assertThat(run.links()).singleElement().satisfies(l -> assertThat(l.matched()).isFalse());
        });
    }

    @Test
    void aBadFileIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.jfr"), "not a recording");

        assertThatThrownBy(() -> Analyzer.analyzeAll(List.of(parent, bad)))
                .isInstanceOf(RecordingException.class).hasMessageContaining("broken.jfr");
    }

    // ---- the three "JVMs" ----

    private static void parentJvm() throws Exception {
        runInfo(100, RUN_ID, -1, true);
        IpcEvents.ProcessSpawn spawn = new IpcEvents.ProcessSpawn();
        spawn.begin();
        spawn.pid = 200;
        spawn.command = CHILD_COMMAND;
        spawn.commit();
        open(1, "pipe", "parent", "stdin", 200, CHILD_COMMAND, null, null, 0);
        open(2, "pipe", "parent", "stdout", 200, CHILD_COMMAND, null, null, 0);
        open(3, "socket", "client", null, -1, null, "10.0.0.1:50000", "10.0.0.5:9000", 10);
        sendToChild();
        summary(1, 0, BYTES_TO_CHILD, 0, 100, 0, WRITE_NANOS, -1);
        summary(2, BYTES_FROM_CHILD, 0, 10, 0, 10_000_000L, 0, 5_000_000L);
        IpcEvents.SerializationSummary ser = new IpcEvents.SerializationSummary();
        ser.direction = "write";
        ser.className = "[D";
        ser.javaThreadId = Thread.currentThread().getId();
        ser.objects = 10;
        ser.nanos = 50_000_000L;
        ser.channelNanos = 20_000_000L;
        ser.channelBytes = 80_000;
        ser.channelId = 1;
        ser.commit();
        IpcEvents.FileLockSummary locks = new IpcEvents.FileLockSummary();
        locks.path = "/tmp/counter.bin";
        locks.javaThreadId = Thread.currentThread().getId();
        locks.acquisitions = 100;
        locks.waits = 40;
        locks.waitNanos = 20_000_000L;
        locks.commit();
        IpcEvents.MappedFile mapped = new IpcEvents.MappedFile();
        mapped.path = "/tmp/counter.bin";
        mapped.mode = "READ_WRITE";
        mapped.size = 4096;
        mapped.commit();
        IpcEvents.ProcessExit exit = new IpcEvents.ProcessExit();
        exit.pid = 200;
        exit.command = CHILD_COMMAND;
        exit.lifetimeNanos = 300_000_000L;
        exit.cpuNanos = 1_000_000L;
        exit.commit();
    }

    private static void sendToChild() throws InterruptedException {
        IpcEvents.ChannelOp op = new IpcEvents.ChannelOp();
        op.begin();
        Thread.sleep(20);
        op.channelId = 1;
        op.operation = "write";
        op.bytes = 65_536;
        op.commit();
        Thread.sleep(200);
    }

    private static void childJvm() throws Exception {
        runInfo(200, RUN_ID, 100, false);
        open(1, "pipe", "child", "stdin", 100, "java app.Main", null, null, 0);
        Thread.sleep(100);
        summary(1, BYTES_TO_CHILD, 0, 50, 0, 30_000_000L, 0, 25_000_000L);
    }

    private static void serverJvm() throws Exception {
        runInfo(300, null, 1, false);
        Thread.sleep(50);
        open(7, "socket", "server", null, -1, null, "10.0.0.5:9000", "10.0.0.1:50000", 0);
        Thread.sleep(50);
    }

    private static void runInfo(long pid, String runId, long parentPid, boolean children) {
        ParagentEvents.RunInfo info = new ParagentEvents.RunInfo();
        info.command = "app.Main";
        info.pid = pid;
        info.availableProcessors = 2;
        info.runId = runId;
        info.parentPid = parentPid;
        info.agentStartNanos = 50_000_000L;
        info.children = children;
        info.commit();
    }

    private static void open(long id, String kind, String side, String stream, long peerPid, String peerCommand,
                             String local, String remote, long connectMillis) throws InterruptedException {
        IpcEvents.ChannelOpen open = new IpcEvents.ChannelOpen();
        open.begin();
        Thread.sleep(connectMillis);
        open.channelId = id;
        open.kind = kind;
        open.side = side;
        open.stream = stream;
        open.peerPid = peerPid;
        open.peerCommand = peerCommand;
        open.localAddress = local;
        open.remoteAddress = remote;
        open.pipeInode = -1;
        open.commit();
    }

    private static void summary(long id, long bytesRead, long bytesWritten, long reads, long writes, long readNanos,
                                long writeNanos, long idleReadNanos) {
        IpcEvents.ChannelSummary s = new IpcEvents.ChannelSummary();
        s.channelId = id;
        s.javaThreadId = Thread.currentThread().getId();
        s.bytesRead = bytesRead;
        s.bytesWritten = bytesWritten;
        s.reads = reads;
        s.writes = writes;
        s.readNanos = readNanos;
        s.writeNanos = writeNanos;
        s.idleReadNanos = idleReadNanos;
        s.commit();
    }


    /** Records {@code body}, run on a worker thread of its own, with only paragent's events enabled. */
    private static Path record(String name, EventRecordings.Body body) throws Exception {
        return EventRecordings.record(dir.resolve(name), "ipc-worker-1",
                List.of("paragent.RunInfo", "paragent.ProcessSpawn", "paragent.ProcessExit",
                        "paragent.ChannelOpen", "paragent.ChannelSummary", "paragent.ChannelOp",
                        "paragent.SerializationSummary", "paragent.FileLockWait", "paragent.FileLockSummary",
                        "paragent.MappedFile"), body);
    }
}
