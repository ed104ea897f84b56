package paragent.analyzer.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.IpcModel;
import paragent.analyzer.model.JvmInfo;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.MappedFileModel;
import paragent.analyzer.model.RunIdentity;
import paragent.analyzer.model.SerializationModel;
import paragent.analyzer.model.ThreadWait;

/** Builds the IPC part of the model and the run identity from what the collector gathered. Stateless. */
final class IpcModels {

    /** Commands longer than this are shortened in channel names. */
    static final int MAX_COMMAND_CHARS = 60;

    private static final double NANOS_PER_SECOND = 1e9;

    private IpcModels() {
    }

    static IpcModel ipc(IpcCollector in) {
        List<ChannelModel> channels = new ArrayList<>();
        for (IpcCollector.ChannelData c : in.channels.values()) {
            channels.add(channel(c));
        }
        channels.sort(Comparator.comparingLong((ChannelModel c) -> c.bytesRead() + c.bytesWritten()).reversed());
        List<SerializationModel> serialization = new ArrayList<>();
        for (IpcCollector.SerializationData s : in.serialization.values()) {
            Map<Long, Double> cpu = new HashMap<>();
            s.cpuNanosByThread.forEach((id, nanos) -> cpu.put(id, nanos / NANOS_PER_SECOND));
            serialization.add(new SerializationModel(s.direction, s.className == null ? null
                    : Models.javaName(s.className), s.objects, s.nanos / NANOS_PER_SECOND,
                    s.channelNanos / NANOS_PER_SECOND, s.channelBytes, s.channelId, top(s.sites), cpu));
        }
        serialization.sort(Comparator.comparingDouble(SerializationModel::seconds).reversed());
        List<MappedFileModel> mapped = new ArrayList<>();
        for (IpcCollector.MappedFileData m : in.mappedFiles) {
            mapped.add(new MappedFileModel(m.path(), m.mode(), m.position(), m.size(), m.site()));
        }
        return new IpcModel(channels, serialization, mapped);
    }

    static RunIdentity run(IpcCollector in, JvmInfo jvm, long startNanos, long endNanos) {
        return new RunIdentity(in.runId, jvm.pid() == null ? -1 : jvm.pid(),
                in.parentPid == null ? -1 : in.parentPid, agentStartBeforeRecording(in, startNanos), in.children,
                instant(startNanos), instant(endNanos));
    }

    /**
     * The part of the agent's start-up that passed before the recording's first event: the agent
     * measures premain until it writes {@code paragent.RunInfo}, and the recording starts in between
     * (after the instrumentation, before the recording's own start-up). A child's boot is the time
     * from its parent's start call to its first event less this.
     */
    private static Double agentStartBeforeRecording(IpcCollector in, long startNanos) {
        if (in.agentStartNanos == null || in.agentStartNanos < 0) {
            return null;
        }
        long afterStart = in.runInfoEpochNanos == null || startNanos == Long.MAX_VALUE ? 0
                : Math.max(0, in.runInfoEpochNanos - startNanos);
        return Math.max(0, in.agentStartNanos - afterStart) / NANOS_PER_SECOND;
    }

    /**
     * Per thread, its time inside channel calls: busy time for telling workers
     * apart. Reads of a child's output are left out: waiting for a child's result is waiting for work.
     */
    static Map<Long, Double> communicatingSeconds(IpcCollector in) {
        Map<Long, Double> seconds = new HashMap<>();
        for (IpcCollector.ChannelData c : in.channels.values()) {
            boolean fromChild = "pipe".equals(c.kind) && "parent".equals(c.side) && !"stdin".equals(c.stream);
            c.threads.forEach((id, t) -> seconds.merge(id, ((fromChild ? 0 : t[4]) + t[5]) / NANOS_PER_SECOND,
                    Double::sum));
        }
        return seconds;
    }

    /**
     * A file lock's model: its waiters from the exact per-thread {@code FileLockSummary} totals
     * where recorded (the wait events keep only waits above the threshold).
     */
    static LockModel fileLock(LockModel fromEvents, Map<Long, long[]> summaries, LongFunction<String> names) {
        if (summaries == null || summaries.isEmpty()) {
            return fromEvents;
        }
        List<ThreadWait> waiters = new ArrayList<>();
        summaries.forEach((id, s) -> {
            if (s[1] > 0) {
                waiters.add(new ThreadWait(id, names.apply(id), s[0], s[1]));
            }
        });
        waiters.sort(Comparator.comparingLong(ThreadWait::waitNanos).reversed());
        return new LockModel(fromEvents.key(), fromEvents.waits(), fromEvents.waiterSites(), waiters,
                List.of(), List.of());
    }

    private static ChannelModel channel(IpcCollector.ChannelData c) {
        List<ChannelThreadIo> threads = new ArrayList<>();
        c.threads.forEach((id, t) -> threads.add(new ChannelThreadIo(id, t[0], t[1], t[2], t[3],
                t[4] / NANOS_PER_SECOND, t[5] / NANOS_PER_SECOND, t[6] < 0 ? null : t[6] / NANOS_PER_SECOND)));
        threads.sort(Comparator.comparingLong((ChannelThreadIo t) -> t.bytesRead() + t.bytesWritten()).reversed());
        ChannelKind kind = "socket".equals(c.kind) ? ChannelKind.SOCKET : ChannelKind.PIPE;
        return new ChannelModel(c.channelId, kind, name(c, kind), c.side, c.stream, c.peerPid, c.peerCommand,
                c.localAddress, c.remoteAddress, c.pipeInode, c.connectNanos / NANOS_PER_SECOND, threads,
                top(c.readSites), top(c.writeSites), c.openedAtNanos == Long.MIN_VALUE ? null : instant(c.openedAtNanos));
    }

    /** The display name: who is at the other end, as the contract spells it. */
    static String name(IpcCollector.ChannelData c, ChannelKind kind) {
        if (kind == ChannelKind.SOCKET) {
            String server = "server".equals(c.side) ? c.localAddress : c.remoteAddress;
            return "socket " + (server == null ? "(unknown address)" : server);
        }
        String stream = c.stream == null ? "" : " (" + c.stream + ")";
        if ("child".equals(c.side)) {
            return "pipe from parent " + c.peerPid + stream;
        }
        String command = c.peerCommand == null ? "" : " '" + shortCommand(c.peerCommand) + "'";
        return "pipe to child " + c.peerPid + command + stream;
    }

    /**
     * A command line short enough for a name: the program and class-path entries without their
     * directories, the agent's own option left out, and the middle elided beyond
     * {@link #MAX_COMMAND_CHARS}: {@code java -cp demo-apps.jar … PoolWorker}.
     */
    static String shortCommand(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.strip().split("\\s+")) {
            if (word.startsWith("-javaagent:")) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String part : word.split(":", -1)) {
                parts.add(part.startsWith("-") ? part : part.substring(part.lastIndexOf('/') + 1));
            }
            words.add(String.join(":", parts));
        }
        String all = String.join(" ", words);
        if (all.length() <= MAX_COMMAND_CHARS || words.size() < 3) {
            return all;
        }
        String last = words.get(words.size() - 1);
        StringBuilder head = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size() - 1 && head.length() + words.get(i).length() + last.length() + 3
                < MAX_COMMAND_CHARS; i++) {
            head.append(' ').append(words.get(i));
        }
        return head + " … " + last;
    }

    private static String top(Map<String, Long> weights) {
        return weights.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static Instant instant(long epochNanos) {
        if (epochNanos == Long.MIN_VALUE || epochNanos == Long.MAX_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
