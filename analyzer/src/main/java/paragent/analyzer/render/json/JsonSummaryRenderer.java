package paragent.analyzer.render.json;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.ExecutorModel;
import paragent.analyzer.model.GcModel;
import paragent.analyzer.model.VirtualThreadPinning;
import paragent.analyzer.model.HolderCount;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.ProcessModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.WaitDistribution;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessTree;

/**
 * Writes the {@code paragent/summary@1} JSON contract (docs/ARCHITECTURE.md) of an analysis, plus
 * the extra fields {@code locks}, {@code warnings}, per-thread {@code worker}, {@code ipc}, {@code gpu},
 * {@code flameGraphs}, {@code processTree} and {@code comparison} that consumers may ignore. Seconds and shares are rounded to 4 decimals; {@code waitingForCpu} is null while
 * unavailable. Stateless; thread-safe.
 */
public final class JsonSummaryRenderer {

    /** The contract's schema identifier. */
    public static final String SCHEMA = "paragent/summary@1";

    private static final double NANOS_PER_SECOND = 1e9;

    private JsonSummaryRenderer() {
    }

    /** Writes the summary; does not close or flush the writer. */
    public static void render(Analysis analysis, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        body(json, analysis, analysis.findings(), analysis.warnings());
        json.endObject();
    }

    /**
     * Writes the summary of several recordings: the primary run's root as for one recording, with
     * the run's merged {@code findings}; a {@code processTree} when a run has several processes;
     * a {@code comparison} when two runs were given. One recording alone gives what
     * {@link #render(Analysis, Writer)} gives. Does not close or flush the writer.
     */
    public static void render(MultiAnalysis multi, Writer out) throws IOException {
        ProcessTree primary = multi.primary();
        List<String> warnings = new ArrayList<>(primary.root().analysis().warnings());
        warnings.addAll(multi.warnings());
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        body(json, primary.root().analysis(), primary.findings(), warnings);
        ProcessTree tree = primary.processes().size() > 1 ? primary
                : multi.runs().stream().filter(r -> r.processes().size() > 1).findFirst().orElse(null);
        if (tree != null) {
            TreeJson.processTree(json, tree);
        }
        if (multi.runs().size() == 2) {
            TreeJson.comparison(json, multi.runs().get(0), multi.runs().get(1));
        }
        json.endObject();
    }

    private static void body(JsonWriter json, Analysis analysis, List<Finding> findings, List<String> warnings)
            throws IOException {
        json.name("schema").value(SCHEMA);
        json.name("recording").value(analysis.recordingName());
        json.name("jvm").beginObject()
                .name("pid").value(analysis.jvm().pid())
                .name("javaVersion").value(analysis.jvm().javaVersion())
                .name("availableProcessors").value(analysis.jvm().availableProcessors())
                .name("command").value(analysis.jvm().command())
                .endObject();
        json.name("wallSeconds").value(analysis.wallSeconds());
        json.name("workerThreads").value(analysis.workerThreads());
        json.name("threads").beginArray();
        for (ThreadTime t : analysis.threads()) {
            thread(json, t);
        }
        json.endArray();
        findings(json, findings);
        json.name("locks").beginArray();
        for (LockModel lock : analysis.locks()) {
            lock(json, lock);
        }
        json.endArray();
        json.name("utilization").beginObject()
                .name("cores").value(analysis.jvm().availableProcessors())
                .name("secondsByRunningThreads").beginArray();
        for (double seconds : analysis.runningThreadsHistogram()) {
            json.value(seconds);
        }
        json.endArray().endObject();
        json.name("executors").beginArray();
        for (ExecutorModel e : analysis.executors()) {
            executor(json, e);
        }
        json.endArray();
        processes(json, analysis.processes());
        GcModel gc = analysis.gc();
        json.name("gc").beginObject()
                .name("pauses").value(gc.pauses())
                .name("pauseSeconds").value(gc.pauseSeconds())
                .name("collector").value(gc.collector())
                .name("topAllocatedClass").value(gc.topAllocatedClass())
                .name("topAllocationSite").value(gc.topAllocationSite())
                .endObject();
        TreeJson.ipc(json, analysis.ipc());
        GpuJson.gpu(json, analysis.gpu());
        pinning(json, analysis.pinning());
        FlameJson.flameGraphs(json, analysis.flames());
        json.name("warnings").beginArray();
        for (String w : warnings) {
            json.value(w);
        }
        json.endArray();
    }

    private static void pinning(JsonWriter json, VirtualThreadPinning pinning) throws IOException {
        json.name("virtualThreadPinning").beginObject()
                .name("events").value(pinning.events())
                .name("pinnedSeconds").value(pinning.pinnedSeconds())
                .name("maxSeconds").value(pinning.maxSeconds())
                .name("reasons").beginArray();
        for (VirtualThreadPinning.Reason r : pinning.reasons()) {
            json.beginObject()
                    .name("reason").value(r.reason())
                    .name("events").value(r.events())
                    .name("pinnedSeconds").value(r.pinnedSeconds())
                    .endObject();
        }
        json.endArray().endObject();
    }

    static void findings(JsonWriter json, List<Finding> findings) throws IOException {
        json.name("findings").beginArray();
        for (Finding f : findings) {
            finding(json, f);
        }
        json.endArray();
    }

    private static void thread(JsonWriter json, ThreadTime t) throws IOException {
        json.beginObject()
                .name("name").value(t.name())
                .name("javaId").value(t.javaId())
                .name("osId").value(t.osId())
                .name("group").value(t.group())
                .name("worker").value(t.worker())
                .name("cpuSeconds").value(t.cpuSeconds())
                .name("seconds").beginObject()
                .name("running").value(t.runningSeconds())
                .name("waitingForCpu").value(t.waitingForCpuSeconds())
                .name("blocked").value(t.blockedSeconds())
                .name("parked").value(t.parkedSeconds())
                .name("parkedLock").value(t.parkedLockSeconds())
                .name("parkedIdle").value(t.parkedIdleSeconds())
                .name("parkedOther").value(t.parkedOtherSeconds())
                .name("waiting").value(t.waitingSeconds())
                .name("sleeping").value(t.sleepingSeconds())
                .name("io").value(t.ioSeconds())
                .name("gc").value(t.gcSeconds())
                .name("other").value(t.otherSeconds())
                .endObject()
                .endObject();
    }

    private static void executor(JsonWriter json, ExecutorModel e) throws IOException {
        json.beginObject()
                .name("name").value(e.name())
                .name("executorClass").value(e.executorClass())
                .name("kind").value(e.kind())
                .name("parallelism").value(e.parallelism())
                .name("creationSite").value(e.creationSite())
                .name("submitSite").value(e.submitSite())
                .name("tasks").value(e.tasks())
                .name("submits").value(e.submits())
                .name("submitSeconds").value(e.submitNanos() / NANOS_PER_SECOND)
                .name("workers").value(e.workerIds().size())
                .name("idleWorkerSeconds").value(e.idleWorkerSeconds());
        distribution(json, "queueWait", e.queueWait());
        distribution(json, "runTime", e.runTime());
        json.endObject();
    }

    private static void distribution(JsonWriter json, String name, WaitDistribution d) throws IOException {
        json.name(name).beginObject()
                .name("count").value(d.count())
                .name("totalSeconds").value(d.totalNanos() / NANOS_PER_SECOND)
                .name("p50Seconds").value(d.p50Nanos() / NANOS_PER_SECOND)
                .name("p99Seconds").value(d.p99Nanos() / NANOS_PER_SECOND)
                .name("maxSeconds").value(d.maxNanos() / NANOS_PER_SECOND)
                .endObject();
    }

    private static void processes(JsonWriter json, ProcessModel p) throws IOException {
        json.name("process").beginObject()
                .name("jvmUserCpuSeconds").value(p.jvmUserSeconds())
                .name("jvmSystemCpuSeconds").value(p.jvmSystemSeconds())
                .name("machineCpuFraction").value(p.machineCpuFraction())
                .name("children").beginArray();
        for (ChildProcess c : p.children()) {
            json.beginObject()
                    .name("pid").value(c.pid())
                    .name("command").value(c.command())
                    .name("spawnSeconds").value(c.spawnSeconds())
                    .name("spawnSite").value(c.spawnSite())
                    .name("lifetimeSeconds").value(c.lifetimeSeconds())
                    .name("cpuSeconds").value(c.cpuSeconds())
                    .name("exitCode").value(c.exitCode() == null ? null : (long) c.exitCode())
                    .name("error").value(c.error())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void finding(JsonWriter json, Finding f) throws IOException {
        json.beginObject()
                .name("kind").value(f.kind().name())
                .name("lostThreadSeconds").value(f.lostThreadSeconds())
                .name("share").value(f.share())
                .name("subject").value(f.subject())
                .name("where").value(f.where())
                .name("title").value(f.title())
                .name("evidence").value(f.evidence())
                .name("advice").value(f.advice())
                .endObject();
    }

    private static void lock(JsonWriter json, LockModel lock) throws IOException {
        json.beginObject()
                .name("kind").value(lock.key().kind().name().toLowerCase(java.util.Locale.ROOT))
                .name("lockClass").value(lock.key().lockClass())
                .name("identity").value(lock.key().identity())
                .name("count").value(lock.waits().count())
                .name("totalSeconds").value(lock.waits().totalNanos() / NANOS_PER_SECOND)
                .name("p50Seconds").value(lock.waits().p50Nanos() / NANOS_PER_SECOND)
                .name("p99Seconds").value(lock.waits().p99Nanos() / NANOS_PER_SECOND)
                .name("maxSeconds").value(lock.waits().maxNanos() / NANOS_PER_SECOND);
        json.name("waiterSites").beginArray();
        for (SiteCount s : lock.waiterSites()) {
            json.beginObject().name("frame").value(s.frame()).name("count").value(s.count())
                    .name("seconds").value(s.waitNanos() / NANOS_PER_SECOND).endObject();
        }
        json.endArray();
        json.name("holders").beginArray();
        for (HolderCount h : lock.holders()) {
            json.beginObject().name("thread").value(h.threadName()).name("waitsCaused").value(h.waitsCaused())
                    .endObject();
        }
        json.endArray();
        json.name("holderFrames").beginArray();
        for (SiteCount s : lock.holderFrames()) {
            json.beginObject().name("frame").value(s.frame()).name("samples").value(s.count()).endObject();
        }
        json.endArray();
        json.endObject();
    }
}
