package paragent.analyzer.testing;

import java.util.List;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.tree.IpcLink;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Hand-built process trees for the renderers' tests: a parent JVM and one worker JVM talking over
 * a pipe, and the same work done by threads in one JVM.
 */
public final class Trees {

    /** The worker JVM's command, with markup that must reach the report only escaped. */
    public static final String HOSTILE_COMMAND = "/usr/lib/jvm/bin/java -cp /tmp/demo-apps.jar "
            + "-javaagent:/tmp/paragent.jar=children paragent.demo.WorkerMain pool <script>alert(1)</script>";
    /** The pipe's display name. */
    public static final String PIPE = "pipe to child 4242 'java -cp … WorkerMain' (stdin)";

    private Trees() {
    }

    /** @return the parent (pid 4200, two workers) and its worker JVM (pid 4242, one worker), 2 s wall */
    public static ProcessTree processes() {
        Finding ipc = new Finding(FindingKind.IPC, 1.5, 0.3, PIPE, "app.Main.send(Main.java:12)",
                "Workers wait for the pipe.", "1.5 s blocked", "Send fewer, larger messages.", List.of());
        Analysis parent = new Analysis("parent.jfr", new JvmInfo(4200L, "17", 8, "app.Main --processes 1"), 2.0, 2, 0,
                List.of(worker("main", 1, 1.0, 0.6), worker("sender", 2, 1.2, 0.4)), List.of(), List.of(ipc),
                List.of("parent warning"));
        Analysis child = new Analysis("paragent-4242.jfr", new JvmInfo(4242L, "17", 8, HOSTILE_COMMAND), 1.5, 1, 0,
                List.of(worker("main", 1, 0.9, 0.6)), List.of(), List.of(), List.of());
        ProcessNode root = new ProcessNode(4200, 1, "java app.Main --processes 1", "parent.jfr", 0, parent, 0, 0,
                null, 2.5, 2.0);
        ProcessNode worker = new ProcessNode(4242, 4200, HOSTILE_COMMAND, "paragent-4242.jfr", 1, child, 0, 0.25,
                0.35, 1.1, 1.5);
        IpcLink link = new IpcLink(PIPE, ChannelKind.PIPE, 4200, 4242, 1_048_576, 2_048, 1_000, 1_000, 0.4, 0.6, 0.2,
                "app.Main.send(Main.java:12)", "paragent.demo.WorkerMain.read(WorkerMain.java:30)", true);
        return new ProcessTree("4200-1700000000000", List.of(root, worker), List.of(link), List.of(ipc), 2.0, 5.0,
                List.of("tree warning"));
    }

    /** @return the same work by four threads in one JVM (pid 4100), 4 s wall, losing 2 s to lock contention */
    public static ProcessTree threads() {
        Finding lock = new Finding(FindingKind.LOCK_CONTENTION, 2.0, 0.125, "java.lang.Object", null,
                "Workers wait for a lock.", "2 s blocked", "Shard the lock.", List.of());
        Analysis analysis = new Analysis("threads.jfr", new JvmInfo(4100L, "17", 8, "app.Main"), 4.0, 4, 0,
                List.of(worker("w1", 1, 3, 1), worker("w2", 2, 3, 1), worker("w3", 3, 3, 1), worker("w4", 4, 3, 1)),
                List.of(), List.of(lock), List.of());
        ProcessNode root = new ProcessNode(4100, 1, "java app.Main", "threads.jfr", 0, analysis, 0, 0, null, 12.5, 4.0);
        return new ProcessTree("4100-1700000000000", List.of(root), List.of(), List.of(lock), 4.0, 16.0, List.of());
    }

    /** @return the process tree alone */
    public static MultiAnalysis oneRun() {
        return new MultiAnalysis(List.of(processes()), List.of());
    }

    /** @return the process tree first, then the threads run */
    public static MultiAnalysis twoRuns() {
        return new MultiAnalysis(List.of(processes(), threads()), List.of());
    }

    /** @return a worker alive {@code running + blocked} seconds, running and blocked for the given times */
    private static ThreadTime worker(String name, long javaId, double running, double blocked) {
        return new ThreadTime(name, javaId, javaId + 100, running, running + blocked, running, null, blocked, 0, 0, 0,
                0, 0, 0, 10, false, true);
    }
}
