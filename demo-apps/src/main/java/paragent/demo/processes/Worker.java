package paragent.demo.processes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The code a worker JVM of a demo's process mode runs, started by {@link paragent.demo.WorkerMain}:
 * it reads requests from the parent on {@code in} (the worker's stdin) until the end of the
 * stream and writes its replies to {@code out} (the worker's stdout).
 *
 * <p>{@code serve} returns when it reads the end of {@code in} at a request boundary; it flushes
 * each reply the parent waits for. Implementations are stateless; a worker JVM calls one once.
 */
@FunctionalInterface
public interface Worker {

    /**
     * Serves the parent until it closes the worker's stdin.
     *
     * @param args the arguments after the demo's name on the worker's command line
     * @throws IOException if a pipe fails or a request is malformed
     */
    void serve(List<String> args, DataInputStream in, DataOutputStream out) throws IOException;
}
