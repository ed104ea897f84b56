package paragent.testapps;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One side of a two-JVM socket conversation, for merging the recordings of separate programs:
 * {@code server PORTFILE} listens on 127.0.0.1, writes its port to PORTFILE, reads
 * {@value #REQUEST_BYTES} bytes and answers {@value #REPLY_BYTES}; {@code client PORTFILE} waits
 * for the port, connects and does the other half.
 */
public final class SocketPeerApp {

    public static final int REQUEST_BYTES = 40_000;
    public static final int REPLY_BYTES = 12_345;

    private SocketPeerApp() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[1]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if (args[0].equals("server")) {
            try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
                Path temp = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                        Integer.toString(server.getLocalPort()));
                Files.move(temp, portFile);
                try (Socket accepted = server.accept()) {
                    InputStream in = accepted.getInputStream();
                    System.out.println("server got " + in.readNBytes(REQUEST_BYTES).length);
                    accepted.getOutputStream().write(new byte[REPLY_BYTES]);
                }
            }
            return;
        }
        while (!Files.exists(portFile)) {
            Thread.sleep(20);
        }
        int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).strip());
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(loopback, port));
            OutputStream out = client.getOutputStream();
            out.write(new byte[REQUEST_BYTES]);
            out.flush();
            System.out.println("client got " + client.getInputStream().readNBytes(REPLY_BYTES).length);
        }
    }
}
