package paragent.demo.processes;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Both ends of the worker JVMs of the demos' process modes: the command that starts one, and the
 * worker's side of its pipes.
 *
 * <p>A worker is {@code <java.home>/bin/java -cp <java.class.path> paragent.demo.WorkerMain <demo>
 * <args>}, with stderr inherited and stdin/stdout piped to the parent. It serves requests until
 * its stdin ends, then writes a {@value #TRAILER_BYTES}-byte trailer: the bytes it read from
 * stdin and wrote to stdout before the trailer, as counted on its side. {@link WorkerPipe#finish}
 * checks them against the parent's own counts, so a demo's {@code metric.pipeBytes} is proven
 * exact on every run. (A profiler that follows child JVMs may add its own options to the
 * command; nothing here depends on the exact command line.) Stateless.
 */
public final class WorkerProcesses {

    /** Length of the trailer a worker writes after its last reply: two longs. */
    public static final int TRAILER_BYTES = 2 * Long.BYTES;

    private static final String WORKER_MAIN = "paragent.demo.WorkerMain";
    /** Large enough that a worker's bulk replies reach the pipe in few writes. */
    private static final int STDOUT_BUFFER_BYTES = 1 << 16;

    private WorkerProcesses() {
    }

    /**
     * A builder for one worker JVM of {@code demo}, stderr inherited, stdin and stdout piped. The
     * demo calls {@link ProcessBuilder#start()} itself, so the spawn site a profiler reports is in
     * the demo's code.
     */
    public static ProcessBuilder builder(String demo, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WORKER_MAIN, demo));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /**
     * Runs {@code worker} on this JVM's stdin and stdout until stdin ends, then writes the trailer
     * and flushes. The counting streams are the JDK's {@link CheckedInputStream} and
     * {@link CheckedOutputStream}, which count after each read or write returns, so only the
     * worker's own frames and the JDK's are on the stack during pipe I/O.
     *
     * @throws IOException if a pipe fails or the worker rejects a request
     */
    public static void serveStandardStreams(Worker worker, List<String> args) throws IOException {
        ByteCount readCount = new ByteCount();
        ByteCount writeCount = new ByteCount();
        DataInputStream in = new DataInputStream(new CheckedInputStream(System.in, readCount));
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), STDOUT_BUFFER_BYTES), writeCount));
        worker.serve(args, in, out);
        if (in.read() >= 0) {
            throw new IOException("worker returned before the end of its input");
        }
        long written = writeCount.getValue();
        out.writeLong(readCount.getValue());
        out.writeLong(written);
        out.flush();
    }
}
