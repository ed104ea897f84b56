package paragent.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.ChannelThreadIo;
import paragent.analyzer.model.ChildProcess;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SerializationModel;
import paragent.analyzer.model.ThreadState;

/**
 * {@link FindingKind#IPC}: worker time spent communicating with other processes, one finding per
 * channel (pipe stream or socket). Stateless; thread-safe.
 *
 * <p>Lost time is the workers' time inside read and write calls on the channel plus their
 * serialization CPU ({@code seconds − channelSeconds}) for the objects sent or received on it. A
 * read on a pipe <em>from a child</em> counts only beyond the child's CPU time: a parent waiting
 * for its child's result is waiting for the work, not for the communication. The children's CPU
 * is shared out over all their pipe reads in proportion to each channel's read time; where the
 * child's CPU is unknown, only the part of the reads not spent waiting for the child to send
 * counts (all of it when that was not measured).
 *
 * <p>In {@link Rules#all()} it follows {@link ProcessSpawnRule}: like locks, GC and process
 * starts, it is measured call by call, so it draws on the ledger before the rules that infer
 * causes from idle intervals (task overhead, oversubscription, serial sections, load imbalance) —
 * a worker blocked reading a pipe looks idle to them. It comes after the process starts because
 * the two never overlap (a pipe exists only once its start call has returned) and a spawn is the
 * more specific cause of a child's first, slow exchange.
 */
public final class IpcRule implements Rule {

    /** Findings below this share of worker time are not reported. */
    public static final double MIN_SHARE = 0.02;
    /** A serialization share of at least this, with large messages, calls for shared memory. */
    public static final double SERIALIZATION_HEAVY_SHARE = 0.3;
    /** Messages of at least this many bytes are large: better in a shared memory-mapped file. */
    public static final long LARGE_MESSAGE_BYTES = 64 * 1024;
    /** Messages of at most this many bytes are small: batch them. */
    public static final long SMALL_MESSAGE_BYTES = 4 * 1024;
    /** An idle-read share of at least this means the reads wait on the peer's round trip. */
    public static final double IDLE_READ_HEAVY_SHARE = 0.5;

    /** The states a thread inside a read or write call shows up in: I/O when JFR saw the call, else off-CPU. */
    private static final ThreadState[] IO_STATES = {ThreadState.IO, ThreadState.OTHER, ThreadState.RUNNING,
        ThreadState.WAITING_FOR_CPU};
    /** The states serialization work shows up in. */
    private static final ThreadState[] CPU_STATES = {ThreadState.RUNNING, ThreadState.WAITING_FOR_CPU,
        ThreadState.OTHER};

    @Override
    public FindingKind kind() {
        return FindingKind.IPC;
    }

    @Override
    public List<Finding> evaluate(RecordingModel model, Ledger ledger) {
        Set<Long> workers = new HashSet<>();
        model.workers().forEach(t -> workers.add(t.javaId()));
        Map<Long, Double> readFactors = childReadFactors(model, workers);
        List<Finding> findings = new ArrayList<>();
        for (ChannelModel channel : model.ipc().channels()) {
            double factor = fromChild(channel) ? readFactors.getOrDefault(channel.peerPid(), 1.0) : 1.0;
            double io = 0;
            for (ChannelThreadIo t : channel.threads()) {
                if (workers.contains(t.javaId())) {
                    io += ledger.claimSpread(t.javaId(), IO_STATES, t.writeSeconds() + countedRead(t, factor,
                            fromChild(channel) && !readFactors.containsKey(channel.peerPid())));
                }
            }
            double serialization = 0;
            String serializationSite = null;
            for (SerializationModel s : model.ipc().serialization()) {
                if (s.channelId() != channel.channelId() || s.channelId() == 0) {
                    continue;
                }
                for (Map.Entry<Long, Double> e : s.cpuSecondsByThread().entrySet()) {
                    serialization += ledger.claimSpread(e.getKey(), CPU_STATES, e.getValue());
                }
                serializationSite = serializationSite != null ? serializationSite : s.site();
            }
            double lost = io + serialization;
            if (lost > 0 && lost / ledger.totalWorkerSeconds() >= MIN_SHARE) {
                findings.add(finding(channel, lost, serialization, serializationSite));
            }
        }
        return findings;
    }

    /** @return whether reads on the channel wait for a child's output (its stdout or stderr, parent side) */
    static boolean fromChild(ChannelModel c) {
        return c.kind() == ChannelKind.PIPE && "parent".equals(c.side()) && !"stdin".equals(c.stream());
    }

    /**
     * Per child pid whose CPU time is known, the fraction of the workers' reads from its pipes that
     * lies beyond that CPU time.
     */
    private static Map<Long, Double> childReadFactors(RecordingModel model, Set<Long> workers) {
        Map<Long, Double> reads = new HashMap<>();
        for (ChannelModel c : model.ipc().channels()) {
            if (fromChild(c)) {
                for (ChannelThreadIo t : c.threads()) {
                    if (workers.contains(t.javaId())) {
                        reads.merge(c.peerPid(), t.readSeconds(), Double::sum);
                    }
                }
            }
        }
        Map<Long, Double> factors = new HashMap<>();
        for (ChildProcess child : model.processes().children()) {
            Double read = reads.get(child.pid());
            if (read != null && child.cpuSeconds() != null) {
                factors.put(child.pid(), read > 0 ? Math.max(0, read - child.cpuSeconds()) / read : 0);
            }
        }
        return factors;
    }

    private static double countedRead(ChannelThreadIo t, double factor, boolean childCpuUnknown) {
        if (childCpuUnknown && t.idleReadSeconds() != null) {
            return Math.max(0, t.readSeconds() - t.idleReadSeconds());
        }
        return t.readSeconds() * factor;
    }

    private static Finding finding(ChannelModel c, double lost, double serialization, String serializationSite) {
        long messages = c.writes() > 0 ? c.writes() : c.reads();
        String calls = c.writes() > 0 ? "messages (write calls)" : "read calls";
        long bytes = c.bytesWritten() > 0 ? c.bytesWritten() : c.bytesRead();
        double perMessage = messages > 0 ? lost / messages : 0;
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT,
                "%s sent, %s received; %,d %s, %s lost per message", Texts.bytes(c.bytesWritten()),
                Texts.bytes(c.bytesRead()), messages, calls, Texts.duration((long) (perMessage * 1e9))));
        evidence.append(String.format(Locale.ROOT, "; %s s blocked in reads and writes, serialization %s of the"
                + " lost time", Texts.decimal(c.blockedSeconds()), Texts.percent(serialization / lost)));
        Double idle = c.idleReadSeconds();
        double idleShare = idle != null && c.readSeconds() > 0 ? idle / c.readSeconds() : 0;
        if (idle != null && c.readSeconds() > 0) {
            evidence.append(String.format(Locale.ROOT, "; %s of the read time waiting for the peer to send",
                    Texts.percent(idleShare)));
        }
        String where = c.writeSite() != null ? c.writeSite() : c.readSite() != null ? c.readSite() : serializationSite;
        String title = String.format(Locale.ROOT, "Workers lose %s s communicating over %s", Texts.decimal(lost),
                c.name());
        return new Finding(FindingKind.IPC, lost, 0, c.name(), where, title, evidence.toString(),
                advice(serialization / lost, messages > 0 ? bytes / messages : 0, idleShare), detail(c));
    }

    /** The fix that fits: shared memory for heavy serialization, batching for many small messages. */
    static String advice(double serializationShare, long bytesPerMessage, double idleReadShare) {
        if (serializationShare >= SERIALIZATION_HEAVY_SHARE && bytesPerMessage >= LARGE_MESSAGE_BYTES) {
            return "Serializing large data dominates: write it once into a shared memory-mapped file"
                    + " (FileChannel.map) that both processes read, and send only small messages (offsets, counts)";
        }
        if (bytesPerMessage <= SMALL_MESSAGE_BYTES) {
            return "Batch the messages: send many items per message (one per chunk of work) and wait for replies"
                    + " less often, so each round trip carries more work";
        }
        if (idleReadShare >= IDLE_READ_HEAVY_SHARE) {
            return "The reads wait for the peer: make fewer round trips (send the next request before the reply"
                    + " to the last), or give each message more work";
        }
        return "Send less: keep the data resident in the worker process between messages and send only what"
                + " changed, or share large data through a memory-mapped file";
    }

    private static List<String> detail(ChannelModel c) {
        List<String> lines = new ArrayList<>();
        if (c.writeSite() != null) {
            lines.add("sends at " + c.writeSite());
        }
        if (c.readSite() != null) {
            lines.add("receives at " + c.readSite());
        }
        for (ChannelThreadIo t : c.threads()) {
            lines.add(String.format(Locale.ROOT, "thread %d: %s read in %,d calls (%s s), %s written in %,d calls"
                    + " (%s s)", t.javaId(), Texts.bytes(t.bytesRead()), t.reads(), Texts.decimal(t.readSeconds()),
                    Texts.bytes(t.bytesWritten()), t.writes(), Texts.decimal(t.writeSeconds())));
        }
        return lines;
    }
}
