package paragent.analyzer.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragent.analyzer.Analysis;
import paragent.analyzer.model.ChannelKind;
import paragent.analyzer.model.ChannelModel;
import paragent.analyzer.model.SerializationModel;

/**
 * Matches the ends of channels recorded in different JVMs into {@link IpcLink}s. Stateless.
 *
 * <p>Pipes match by (parent pid, child pid, stream): the parent's end names the child's pid and
 * stream, the child's end the parent's pid. Sockets match by addresses: the client's local and
 * remote address are the server's remote and local ones (the host part before a {@code /} is
 * ignored, so {@code localhost/127.0.0.1:9000} matches {@code 127.0.0.1:9000}).
 */
final class Links {

    private Links() {
    }

    /** One end of a channel: the process that recorded it and the channel as it saw it. */
    record End(Analysis process, ChannelModel channel) {
        long pid() {
            return process.run().pid();
        }
    }

    /** A matched socket: the client's end and the server's. */
    record SocketPair(End client, End server) {
    }

    /** The links of a run, and for each recorded end (pid, channel id) its link. */
    record Matched(List<IpcLink> links, Map<List<Long>, IpcLink> byEnd) {
    }

    /** The sockets whose two ends are both among {@code processes}. */
    static List<SocketPair> socketPairs(List<Analysis> processes) {
        Map<List<String>, End> servers = new HashMap<>();
        for (Analysis a : processes) {
            for (ChannelModel c : a.ipc().channels()) {
                if (c.kind() == ChannelKind.SOCKET && "server".equals(c.side()) && c.localAddress() != null
                        && c.remoteAddress() != null) {
                    servers.put(List.of(address(c.remoteAddress()), address(c.localAddress())), new End(a, c));
                }
            }
        }
        List<SocketPair> pairs = new ArrayList<>();
        for (Analysis a : processes) {
            for (ChannelModel c : a.ipc().channels()) {
                if (c.kind() == ChannelKind.SOCKET && "client".equals(c.side()) && c.localAddress() != null
                        && c.remoteAddress() != null) {
                    End server = servers.get(List.of(address(c.localAddress()), address(c.remoteAddress())));
                    if (server != null && server.process() != a) {
                        pairs.add(new SocketPair(new End(a, c), server));
                    }
                }
            }
        }
        return pairs;
    }

    /** Every channel of the run's processes as a link, matched where both ends were recorded. */
    static Matched match(List<Analysis> processes) {
        Map<List<Object>, End[]> pipes = new LinkedHashMap<>();
        List<End[]> sockets = new ArrayList<>();
        Map<ChannelModel, End[]> socketByEnd = new HashMap<>();
        for (SocketPair p : socketPairs(processes)) {
            End[] pair = {p.client(), p.server()};
            sockets.add(pair);
            socketByEnd.put(p.client().channel(), pair);
            socketByEnd.put(p.server().channel(), pair);
        }
        for (Analysis a : processes) {
            for (ChannelModel c : a.ipc().channels()) {
                End end = new End(a, c);
                if (c.kind() == ChannelKind.PIPE) {
                    boolean parent = !"child".equals(c.side());
                    List<Object> key = List.of(parent ? end.pid() : c.peerPid(), parent ? c.peerPid() : end.pid(),
                            String.valueOf(c.stream()));
                    pipes.computeIfAbsent(key, k -> new End[2])[parent ? 0 : 1] = end;
                } else if (!socketByEnd.containsKey(c)) {
                    End[] single = "server".equals(c.side()) ? new End[] {null, end} : new End[] {end, null};
                    sockets.add(single);
                }
            }
        }
        List<IpcLink> links = new ArrayList<>();
        Map<List<Long>, IpcLink> byEnd = new HashMap<>();
        for (End[] ends : pipes.values()) {
            add(ends, ChannelKind.PIPE, links, byEnd);
        }
        for (End[] ends : sockets) {
            add(ends, ChannelKind.SOCKET, links, byEnd);
        }
        return new Matched(links, byEnd);
    }

    private static void add(End[] ends, ChannelKind kind, List<IpcLink> links, Map<List<Long>, IpcLink> byEnd) {
        IpcLink link = link(ends[0], ends[1], kind);
        links.add(link);
        for (End e : ends) {
            if (e != null) {
                byEnd.put(List.of(e.pid(), e.channel().channelId()), link);
            }
        }
    }

    private static IpcLink link(End from, End to, ChannelKind kind) {
        ChannelModel f = from == null ? null : from.channel();
        ChannelModel t = to == null ? null : to.channel();
        long fromPid = from != null ? from.pid() : kind == ChannelKind.PIPE ? t.peerPid() : -1;
        long toPid = to != null ? to.pid() : kind == ChannelKind.PIPE ? f.peerPid() : -1;
        String name = f != null ? f.name() : t.name();
        long bytesFromTo = f != null ? f.bytesWritten() : t.bytesRead();
        long bytesToFrom = t != null ? t.bytesWritten() : f.bytesRead();
        long messagesFromTo = f != null ? f.writes() : t.reads();
        long messagesToFrom = t != null ? t.writes() : f.reads();
        String sendSite = f != null && f.writeSite() != null ? f.writeSite() : t != null ? t.writeSite() : null;
        String receiveSite = t != null && t.readSite() != null ? t.readSite() : f != null ? f.readSite() : null;
        return new IpcLink(name, kind, fromPid, toPid, bytesFromTo, bytesToFrom, messagesFromTo, messagesToFrom,
                f == null ? 0 : f.blockedSeconds(), t == null ? 0 : t.blockedSeconds(),
                serialization(from) + serialization(to), sendSite, receiveSite, from != null && to != null);
    }

    private static double serialization(End end) {
        if (end == null) {
            return 0;
        }
        double seconds = 0;
        for (SerializationModel s : end.process().ipc().serialization()) {
            if (s.channelId() != 0 && s.channelId() == end.channel().channelId()) {
                seconds += s.cpuSeconds();
            }
        }
        return seconds;
    }

    /** @return {@code host:port} without a leading {@code hostname/} */
    static String address(String hostPort) {
        return hostPort.substring(hostPort.lastIndexOf('/') + 1);
    }

    /** @return true for an address on this machine's loopback interface */
    static boolean loopback(String hostPort) {
        String host = address(hostPort);
        host = host.startsWith("[") ? host.substring(1, host.indexOf(']') > 0 ? host.indexOf(']') : host.length())
                : host.substring(0, Math.max(0, host.lastIndexOf(':')));
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }
}
