package paragent.testapps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A child process: copies its stdin to its stdout until end of stream, then says on stderr how many bytes. */
public final class EchoChild {

    private EchoChild() {
    }

    public static void main(String[] args) throws IOException {
        InputStream in = System.in;
        OutputStream out = System.out;
        byte[] buffer = new byte[4096];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
            total += n;
        }
        System.err.print("echoed " + total + "\n");
        System.err.flush();
    }
}
