package paragent.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small writes on a blocking loopback {@code java.net.Socket} whose peer, a daemon thread,
 * reads and discards everything: the agent's {@code NioSocketImpl.write} advice. One connection
 * per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SocketWriteBenchmark {

    /** Bytes per write. */
    static final int WRITE_BYTES = 64;

    private final byte[] payload = new byte[WRITE_BYTES];
    private ServerSocket server;
    private Socket client;
    private OutputStream out;

    /** Connects to a loopback listener whose accepted end is drained by a daemon thread. */
    @Setup
    public void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        client.setTcpNoDelay(true);
        Socket accepted = server.accept();
        Thread drain = new Thread(() -> drain(accepted), "socket-drain");
        drain.setDaemon(true);
        drain.start();
        out = client.getOutputStream();
    }

    /** Closes the connection; the drain thread sees the end of the stream and stops. */
    @TearDown
    public void close() throws IOException {
        client.close();
        server.close();
    }

    /** One write of {@link #WRITE_BYTES} bytes. */
    @Benchmark
    public void write() throws IOException {
        out.write(payload);
    }

    private static void drain(Socket accepted) {
        byte[] buffer = new byte[64 * 1024];
        try (Socket socket = accepted; InputStream in = socket.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // Discard.
            }
        } catch (IOException closed) {
            // The benchmark closed its end: nothing left to drain.
        }
    }
}
