package paragent.testapps;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A server and a client thread in one JVM over 127.0.0.1: a blocking {@code Socket} exchange
 * (the client sends {@value #REQUEST_BYTES} bytes, the server answers {@value #REPLY_BYTES}), then
 * an NIO {@code SocketChannel} exchange of {@value #NIO_BYTES} bytes. Prints the server ports.
 */
public final class SocketsApp {

    static final int REQUEST_BYTES = 10_000;
    static final int REPLY_BYTES = 5_000;
    static final int NIO_BYTES = 3_000;

    private SocketsApp() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            Thread serverThread = new Thread(() -> serve(server), "socket-server");
            serverThread.start();
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(loopback, server.getLocalPort()));
                OutputStream out = client.getOutputStream();
                out.write(new byte[REQUEST_BYTES]);
                out.flush();
                byte[] reply = client.getInputStream().readNBytes(REPLY_BYTES);
                System.out.println("client got " + reply.length);
            }
            serverThread.join();
        }
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(loopback, 0));
            Thread serverThread = new Thread(() -> serveNio(server), "nio-server");
            serverThread.start();
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                ByteBuffer request = ByteBuffer.allocate(NIO_BYTES);
                while (request.hasRemaining()) {
                    client.write(request);
                }
            }
            serverThread.join();
        }
    }

    private static void serve(ServerSocket server) {
        try (Socket accepted = server.accept()) {
            InputStream in = accepted.getInputStream();
            System.out.println("server got " + in.readNBytes(REQUEST_BYTES).length);
            accepted.getOutputStream().write(new byte[REPLY_BYTES]);
        } catch (Exception e) {
            System.out.println("server failed: " + e);
        }
    }

    private static void serveNio(ServerSocketChannel server) {
        try (SocketChannel accepted = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocate(NIO_BYTES + 1);
            int total = 0;
            for (int n = accepted.read(buffer); n >= 0; n = accepted.read(buffer)) {
                total += n;
            }
            System.out.println("nio server got " + total);
        } catch (Exception e) {
            System.out.println("nio server failed: " + e);
        }
    }
}
