package paragent.demo.processes;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * The parent's side of one worker JVM: its stdin and stdout, the parent's count of the bytes
 * moved and time spent on them, and the end of the worker's life.
 *
 * <p>The demo reads and writes {@link #stdin()} and {@link #stdout()} in its own code and reports
 * each call with {@link #wrote} or {@link #read}, so the frames on the stack during the pipe I/O
 * are the demo's (a profiler names the demo's send and receive code, not this class); the demos
 * whose finding does not depend on those frames use {@link #send} and {@link #receiveLong}.
 * {@link #finish} closes stdin, reads the worker's trailer and stdout to its end, waits for the
 * exit and fails loudly on a non-zero exit or on counts that differ from the worker's.
 * {@link #close} kills a worker that was not finished, so a failed run leaves no process behind.
 *
 * <p>Not thread-safe: one thread at a time serves a worker (handing it over through a
 * happens-before edge, such as a thread start); the shared {@link PipeMeter} is thread-safe.
 */
public final class WorkerPipe implements AutoCloseable {

    private final Process process;
    private final PipeMeter meter;
    private final OutputStream stdin;
    private final DataInputStream stdout;
    private long bytesWritten;
    private long bytesRead;
    private boolean finished;

    private WorkerPipe(Process process, PipeMeter meter) {
        this.process = process;
        this.meter = meter;
        this.stdin = process.getOutputStream();
        this.stdout = new DataInputStream(process.getInputStream());
    }

    /** The parent's side of a worker just started from {@link WorkerProcesses#builder}. */
    public static WorkerPipe attach(Process process, PipeMeter meter) {
        return new WorkerPipe(process, meter);
    }

    /** The worker's stdin (buffered by the JDK: flush each request). */
    public OutputStream stdin() {
        return stdin;
    }

    /** The worker's stdout. */
    public DataInputStream stdout() {
        return stdout;
    }

    /** Reports a write (and flush) of {@code bytes} to {@link #stdin()} that began at {@code startNanos}. */
    public void wrote(long bytes, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        bytesWritten += bytes;
        meter.add(bytes, nanos);
    }

    /** Reports a read of {@code bytes} from {@link #stdout()} that began at {@code startNanos}. */
    public void read(long bytes, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        bytesRead += bytes;
        meter.add(bytes, nanos);
    }

    /** Writes and flushes one request, measured. */
    public void send(byte[] request) throws IOException {
        long start = System.nanoTime();
        stdin.write(request);
        stdin.flush();
        wrote(request.length, start);
    }

    /** Reads one 8-byte reply, measured. */
    public long receiveLong() throws IOException {
        long start = System.nanoTime();
        long value = stdout.readLong();
        read(Long.BYTES, start);
        return value;
    }

    /**
     * Ends the conversation: closes the worker's stdin, reads its trailer and stdout to the end,
     * waits for it to exit.
     *
     * @throws IOException if a pipe fails
     * @throws IllegalStateException if the worker exited non-zero, ended without or wrote past its
     *     trailer, or counted other bytes than the parent did
     * @throws InterruptedException if interrupted while waiting for the exit
     */
    public void finish() throws IOException, InterruptedException {
        stdin.close();
        long workerRead;
        long workerWrote;
        try {
            workerRead = receiveLong();
            workerWrote = receiveLong();
        } catch (EOFException e) {
            finished = true;
            throw new IllegalStateException("worker " + process.pid() + " ended without its trailer, exit "
                    + process.waitFor(), e);
        }
        long start = System.nanoTime();
        int end = stdout.read();
        read(0, start);
        int exit = process.waitFor();
        finished = true;
        if (exit != 0) {
            throw new IllegalStateException("worker " + process.pid() + " exited with " + exit);
        }
        if (end >= 0) {
            throw new IllegalStateException("worker " + process.pid() + " wrote past its trailer");
        }
        if (workerRead != bytesWritten || workerWrote + WorkerProcesses.TRAILER_BYTES != bytesRead) {
            throw new IllegalStateException("worker " + process.pid() + " read " + workerRead + " and wrote "
                    + workerWrote + " bytes before its trailer, but the parent wrote " + bytesWritten + " and read "
                    + bytesRead);
        }
    }

    /** Kills the worker unless {@link #finish} saw it exit, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
