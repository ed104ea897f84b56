package paragent.analyzer.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import paragent.analyzer.model.LockKey;
import paragent.analyzer.model.LockKind;

/**
 * Accumulates the events of inter-process communication (channels, serialization, file locks,
 * mapped files) and the run identity of {@code paragent.RunInfo}, one event at a time, for
 * {@link IpcModels}. Events may arrive in any order. Mutable; confined to the loading thread.
 */
final class IpcCollector {

    /** Per channel id, in the order first seen. */
    final Map<Long, ChannelData> channels = new LinkedHashMap<>();
    /** Per direction, class and channel. */
    final Map<List<Object>, SerializationData> serialization = new LinkedHashMap<>();
    /** File locks, keyed {@code file lock <path>}. */
    final Map<LockKey, LockData> fileLocks = new LinkedHashMap<>();
    /** Per file lock, per thread: {@code FileLockSummary} totals [waits, waitNanos]. */
    final Map<LockKey, Map<Long, long[]>> fileLockSummaries = new HashMap<>();
    final List<MappedFileData> mappedFiles = new ArrayList<>();

    private final RetentionCaps caps;
    String runId;
    Long parentPid;
    Long agentStartNanos;
    /** When {@code paragent.RunInfo} was written (epoch ns): the end of the agent's start-up; null when absent. */
    Long runInfoEpochNanos;
    boolean children;

    /** Raw facts about one channel. */
    static final class ChannelData {
        final long channelId;
        String kind;
        String side;
        String stream;
        long peerPid = -1;
        String peerCommand;
        String localAddress;
        String remoteAddress;
        long pipeInode = -1;
        long connectNanos;
        long openedAtNanos = Long.MIN_VALUE;
        /** Per thread: bytesRead, bytesWritten, reads, writes, readNanos, writeNanos, idleReadNanos (-1: unmeasured). */
        final Map<Long, long[]> threads = new LinkedHashMap<>();
        /** Per application frame: nanoseconds in slow reads, slow writes (+1 each, so instant calls count). */
        final Map<String, Long> readSites = new HashMap<>();
        final Map<String, Long> writeSites = new HashMap<>();

        ChannelData(long channelId) {
            this.channelId = channelId;
        }
    }

    /** Raw facts about serialization of one class on one channel. */
    static final class SerializationData {
        String direction;
        String className;
        long channelId;
        long objects;
        long nanos;
        long channelNanos;
        long channelBytes;
        final Map<String, Long> sites = new HashMap<>();
        final Map<Long, Long> cpuNanosByThread = new LinkedHashMap<>();
    }

    /** One mapping. */
    record MappedFileData(String path, String mode, long position, long size, String site) {
    }

    IpcCollector(RetentionCaps caps) {
        this.caps = caps;
    }

    /** The event types {@link #accept} reads. */
    static final Set<String> EVENT_TYPES = Set.of("paragent.ChannelOpen", "paragent.ChannelSummary",
            "paragent.ChannelOp", "paragent.SerializationSummary", "paragent.FileLockWait",
            "paragent.FileLockSummary", "paragent.MappedFile");

    /** Takes the event when it is one of the IPC events; ignores any other. */
    void accept(String type, RecordedEvent event, ThreadData eventThread, long startNanos, long endNanos) {
        switch (type) {
            case "paragent.ChannelOpen" -> onChannelOpen(event, startNanos, endNanos);
            case "paragent.ChannelSummary" -> onChannelSummary(event);
            case "paragent.ChannelOp" -> onChannelOp(event, startNanos, endNanos);
            case "paragent.SerializationSummary" -> onSerializationSummary(event);
            case "paragent.FileLockWait" -> onFileLockWait(event, eventThread, startNanos, endNanos);
            case "paragent.FileLockSummary" -> onFileLockSummary(event);
            case "paragent.MappedFile" -> mappedFiles.add(new MappedFileData(event.getString("path"),
                    event.getString("mode"), event.getLong("position"), event.getLong("size"),
                    Frames.firstApplicationFrame(event.getStackTrace())));
            default -> {
                // Not an IPC event.
            }
        }
    }

    /** Takes the run identity fields of {@code paragent.RunInfo}; older recordings lack them. */
    void onRunInfo(RecordedEvent event) {
        if (event.hasField("runId")) {
            String id = event.getString("runId");
            runId = id == null || id.isBlank() ? null : id;
        }
        if (event.hasField("parentPid")) {
            parentPid = event.getLong("parentPid");
        }
        if (event.hasField("agentStartNanos")) {
            agentStartNanos = event.getLong("agentStartNanos");
            Instant written = event.getStartTime();
            runInfoEpochNanos = written.getEpochSecond() * 1_000_000_000L + written.getNano();
        }
        if (event.hasField("children")) {
            children = event.getBoolean("children");
        }
    }

    private ChannelData channel(long channelId) {
        return channels.computeIfAbsent(channelId, ChannelData::new);
    }

    private void onChannelOpen(RecordedEvent event, long startNanos, long endNanos) {
        ChannelData c = channel(event.getLong("channelId"));
        c.kind = event.getString("kind");
        c.side = event.getString("side");
        c.stream = event.getString("stream");
        c.peerPid = event.getLong("peerPid");
        c.peerCommand = event.getString("peerCommand");
        c.localAddress = event.getString("localAddress");
        c.remoteAddress = event.getString("remoteAddress");
        c.pipeInode = event.getLong("pipeInode");
        c.connectNanos = Math.max(0, endNanos - startNanos);
        c.openedAtNanos = endNanos;
    }

    private void onChannelSummary(RecordedEvent event) {
        long[] t = channel(event.getLong("channelId")).threads
                .computeIfAbsent(event.getLong("javaThreadId"), id -> new long[] {0, 0, 0, 0, 0, 0, 0});
        t[0] += event.getLong("bytesRead");
        t[1] += event.getLong("bytesWritten");
        t[2] += event.getLong("reads");
        t[3] += event.getLong("writes");
        t[4] += event.getLong("readNanos");
        t[5] += event.getLong("writeNanos");
        long idle = event.getLong("idleReadNanos");
        // One unmeasured interval makes the thread's idle total unknown, not smaller.
        t[6] = t[6] < 0 || idle < 0 ? -1 : t[6] + idle;
    }

    private void onChannelOp(RecordedEvent event, long startNanos, long endNanos) {
        ChannelData c = channel(event.getLong("channelId"));
        String site = Frames.firstApplicationFrame(event.getStackTrace());
        if (site == null) {
            return;
        }
        Map<String, Long> sites = "write".equals(event.getString("operation")) ? c.writeSites : c.readSites;
        sites.merge(site, Math.max(0, endNanos - startNanos) + 1, Long::sum);
    }

    private void onSerializationSummary(RecordedEvent event) {
        String direction = event.getString("direction");
        String className = event.getString("className");
        long channelId = event.getLong("channelId");
        SerializationData s = serialization.computeIfAbsent(List.of(String.valueOf(direction),
                String.valueOf(className), channelId), k -> new SerializationData());
        s.direction = direction;
        s.className = className;
        s.channelId = channelId;
        long nanos = event.getLong("nanos");
        long channelNanos = event.getLong("channelNanos");
        s.objects += event.getLong("objects");
        s.nanos += nanos;
        s.channelNanos += channelNanos;
        s.channelBytes += event.getLong("channelBytes");
        s.cpuNanosByThread.merge(event.getLong("javaThreadId"), Math.max(0, nanos - channelNanos), Long::sum);
        String site = event.getString("site");
        if (site != null && !site.isEmpty()) {
            s.sites.merge(site, Math.max(1, event.getLong("objects")), Long::sum);
        }
    }

    private LockData fileLock(String path) {
        return fileLocks.computeIfAbsent(fileLockKey(path), key -> new LockData(key, caps));
    }

    /** @return the key of the file lock on {@code path}: one lock per file */
    static LockKey fileLockKey(String path) {
        return new LockKey(LockKind.FILE, "file lock " + (path == null || path.isEmpty() ? "(unknown file)" : path), "");
    }

    private void onFileLockWait(RecordedEvent event, ThreadData waiter, long startNanos, long endNanos) {
        if (waiter == null) {
            return;
        }
        // No holder: the lock is held by another process (or another channel of this one).
        fileLock(event.getString("path")).addWait(waiter.javaId, startNanos, endNanos, 0,
                Frames.firstApplicationFrame(event.getStackTrace()));
    }

    private void onFileLockSummary(RecordedEvent event) {
        LockData lock = fileLock(event.getString("path"));
        long waits = event.getLong("waits");
        long waitNanos = event.getLong("waitNanos");
        lock.hasSummary = true;
        lock.summaryWaits += waits;
        lock.summaryWaitNanos += waitNanos;
        long[] perThread = fileLockSummaries.computeIfAbsent(lock.key, k -> new HashMap<>())
                .computeIfAbsent(event.getLong("javaThreadId"), id -> new long[2]);
        perThread[0] += waits;
        perThread[1] += waitNanos;
        // An undecodable histogram leaves the percentiles to the individual wait events.
        EventCollector.decodeHistogram(event.getString("histogram"), lock.summaryWaitNanosHistogram);
    }
}
