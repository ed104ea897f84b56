package paragent.analyzer.render.json;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.MappedFileModel;
import paragent.analyzer.model.SerializationModel;
import paragent.analyzer.tree.IpcLink;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Writes the multi-process parts of the JSON summary: a recording's {@code ipc}, a run's
 * {@code processTree} and the threads-vs-processes {@code comparison} (docs/JSON.md). Stateless.
 */
final class TreeJson {

    private TreeJson() {
    }

    static void ipc(JsonWriter json, IpcModel ipc) throws IOException {
        json.name("ipc").beginObject().name("channels").beginArray();
        for (ChannelModel c : ipc.channels()) {
            channel(json, c);
        }
        json.endArray().name("serialization").beginArray();
        for (SerializationModel s : ipc.serialization()) {
            json.beginObject()
                    .name("direction").value(s.direction())
                    .name("className").value(s.className())
                    .name("objects").value(s.objects())
                    .name("seconds").value(s.seconds())
                    .name("channelSeconds").value(s.channelSeconds())
                    .name("cpuSeconds").value(s.cpuSeconds())
                    .name("channelBytes").value(s.channelBytes())
                    .name("channelId").value(s.channelId())
                    .name("site").value(s.site())
                    .endObject();
        }
        json.endArray().name("mappedFiles").beginArray();
        for (MappedFileModel m : ipc.mappedFiles()) {
            json.beginObject()
                    .name("path").value(m.path())
                    .name("mode").value(m.mode())
                    .name("position").value(m.position())
                    .name("size").value(m.size())
                    .name("site").value(m.site())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void channel(JsonWriter json, ChannelModel c) throws IOException {
        json.beginObject()
                .name("channelId").value(c.channelId())
                .name("kind").value(c.kind().name().toLowerCase(java.util.Locale.ROOT))
                .name("name").value(c.name())
                .name("side").value(c.side())
                .name("stream").value(c.stream())
                .name("peerPid").value(c.peerPid())
                .name("peerCommand").value(c.peerCommand())
                .name("localAddress").value(c.localAddress())
                .name("remoteAddress").value(c.remoteAddress())
                .name("connectSeconds").value(c.connectSeconds())
                .name("bytesRead").value(c.bytesRead())
                .name("bytesWritten").value(c.bytesWritten())
                .name("reads").value(c.reads())
                .name("writes").value(c.writes())
                .name("readSeconds").value(c.readSeconds())
                .name("writeSeconds").value(c.writeSeconds())
                .name("idleReadSeconds").value(c.idleReadSeconds())
                .name("readSite").value(c.readSite())
                .name("writeSite").value(c.writeSite())
                .name("threads").beginArray();
        for (ChannelThreadIo t : c.threads()) {
            json.beginObject()
                    .name("javaId").value(t.javaId())
                    .name("bytesRead").value(t.bytesRead())
                    .name("bytesWritten").value(t.bytesWritten())
                    .name("reads").value(t.reads())
                    .name("writes").value(t.writes())
                    .name("readSeconds").value(t.readSeconds())
                    .name("writeSeconds").value(t.writeSeconds())
                    .name("idleReadSeconds").value(t.idleReadSeconds())
                    .endObject();
        }
        json.endArray().endObject();
    }

    static void processTree(JsonWriter json, ProcessTree tree) throws IOException {
        json.name("processTree").beginObject()
                .name("runId").value(tree.runId())
                .name("wallSeconds").value(tree.wallSeconds())
                .name("workerSeconds").value(tree.workerSeconds())
                .name("processes").beginArray();
        for (ProcessNode p : tree.processes()) {
            process(json, p);
        }
        json.endArray().name("links").beginArray();
        for (IpcLink l : tree.links()) {
            json.beginObject()
                    .name("name").value(l.name())
                    .name("kind").value(l.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .name("fromPid").value(l.fromPid())
                    .name("toPid").value(l.toPid())
                    .name("bytesFromTo").value(l.bytesFromTo())
                    .name("bytesToFrom").value(l.bytesToFrom())
                    .name("messagesFromTo").value(l.messagesFromTo())
                    .name("messagesToFrom").value(l.messagesToFrom())
                    .name("fromBlockedSeconds").value(l.fromBlockedSeconds())
                    .name("toBlockedSeconds").value(l.toBlockedSeconds())
                    .name("serializationSeconds").value(l.serializationSeconds())
                    .name("sendSite").value(l.sendSite())
                    .name("receiveSite").value(l.receiveSite())
                    .name("matched").value(l.matched())
                    .endObject();
        }
        json.endArray();
        JsonSummaryRenderer.findings(json, tree.findings());
        json.name("warnings").beginArray();
        for (String w : tree.warnings()) {
            json.value(w);
        }
        json.endArray().endObject();
    }

    private static void process(JsonWriter json, ProcessNode p) throws IOException {
        json.beginObject()
                .name("pid").value(p.pid())
                .name("parentPid").value(p.parentPid())
                .name("command").value(p.command())
                .name("recording").value(p.recordingName())
                .name("depth").value(p.depth())
                .name("clockOffsetSeconds").value(p.clockOffsetSeconds())
                .name("startSeconds").value(p.startSeconds())
                .name("bootSeconds").value(p.bootSeconds())
                .name("wallSeconds").value(p.wallSeconds())
                .name("cpuSeconds").value(p.cpuSeconds())
                .name("workerThreads").value(p.analysis().workerThreads())
                .name("utilization").value(p.analysis().workerRunningShare());
        ipc(json, p.analysis().ipc());
        json.endObject();
    }

    /** Threads vs processes: the run with fewer processes is the threads side. */
    static void comparison(JsonWriter json, ProcessTree first, ProcessTree second) throws IOException {
        boolean firstIsThreads = first.processes().size() <= second.processes().size();
        ProcessTree threads = firstIsThreads ? first : second;
        ProcessTree processes = firstIsThreads ? second : first;
        json.name("comparison").beginObject();
        side(json, "threads", threads);
        side(json, "processes", processes);
        json.name("speedup").value(processes.wallSeconds() > 0 ? threads.wallSeconds() / processes.wallSeconds() : null);
        json.endObject();
    }

    private static void side(JsonWriter json, String name, ProcessTree run) throws IOException {
        double cpu = run.processes().stream().mapToDouble(ProcessNode::cpuSeconds).sum();
        Map<String, Double> lostByKind = new TreeMap<>();
        for (Finding f : run.findings()) {
            lostByKind.merge(f.kind().name(), f.lostThreadSeconds(), Double::sum);
        }
        json.name(name).beginObject()
                .name("recording").value(run.root().recordingName())
                .name("processes").value(run.processes().size())
                .name("wallSeconds").value(run.wallSeconds())
                .name("cpuSeconds").value(cpu)
                .name("workerSeconds").value(run.workerSeconds())
                .name("lostSecondsByKind").beginObject();
        for (Map.Entry<String, Double> e : lostByKind.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject().endObject();
    }
}
