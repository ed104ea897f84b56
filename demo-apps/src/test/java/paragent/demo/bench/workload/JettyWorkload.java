package paragent.demo.bench.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty server on {@code 127.0.0.1} (an ephemeral port) and a load generator in the
 * same JVM: each client thread sends its share of {@code GET /item/N} requests, one at a time,
 * through one shared {@link HttpClient} (HTTP/1.1, kept-alive connections). The handler renders
 * a text page of 10–59 lines derived from N. The checksum adds up each response's status, length
 * and CRC-32, so it does not depend on the order of the requests. The server lives from
 * construction to {@link #close}. Used from one thread at a time.
 */
final class JettyWorkload implements Workload {

    /** Most threads of the server's pool (Jetty's acceptor and selector take some of them). */
    static final int SERVER_THREADS = 16;

    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    JettyWorkload() throws Exception {
        server = new Server(new QueuedThreadPool(SERVER_THREADS));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ItemHandler());
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/item/";
    }

    @Override
    public long run(int threads, int units) throws Exception {
        return PerThread.sum(threads, t -> request(PerThread.sliceStart(units, threads, t),
                PerThread.sliceStart(units, threads, t + 1)));
    }

    private long request(int from, int to) throws Exception {
        long checksum = 0;
        CRC32 crc = new CRC32();
        for (int item = from; item < to; item++) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + item)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            crc.reset();
            crc.update(response.body());
            checksum += response.statusCode() * 1_000_003L + response.body().length * 65_537L + crc.getValue();
        }
        return checksum;
    }

    /** The page of item N; stateless, called on Jetty's threads. */
    static String page(long item) {
        StringBuilder page = new StringBuilder(4096);
        long h = item * 0x9E3779B97F4A7C15L;
        for (int line = 0; line < 10 + item % 50; line++) {
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            page.append("item ").append(item).append(" line ").append(line).append(": ")
                    .append(Long.toHexString(h)).append(' ').append(Long.toString(h & 0xFFFFFF, 7)).append('\n');
        }
        return page.toString();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Serves {@code /item/N}; 404 for anything else. Stateless. */
    private static final class ItemHandler extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            long item;
            try {
                item = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            } catch (NumberFormatException e) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            byte[] body = page(item).getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
