package paragent.testapps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Talks to an {@link EchoChild} over its stdin and stdout: raw bytes, then serialized
 * {@code int[]} messages, read back by a second thread. Prints what it sent and received, and the
 * child's pid and stderr.
 */
public final class PipesApp {

    static final int RAW_BYTES = 50_000;
    static final int MESSAGES = 10;

    private PipesApp() {
    }

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + "/bin/java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "paragent.testapps.EchoChild").start();
        AtomicReference<String> received = new AtomicReference<>();
        Thread reader = new Thread(() -> received.set(receive(child.getInputStream())), "pipe-reader");
        reader.start();
        long sent = send(child.getOutputStream());
        reader.join();
        String stderr = new String(child.getErrorStream().readAllBytes());
        System.out.println("child exit=" + child.waitFor());
        System.out.println("sent=" + sent);
        System.out.println(received.get());
        System.out.print("child stderr: " + stderr);
        System.out.println("stderrBytes=" + stderr.length());
    }

    /** Writes the raw bytes and the messages; returns the bytes written to the pipe. */
    static long send(OutputStream out) throws IOException {
        byte[] raw = new byte[RAW_BYTES];
        Arrays.fill(raw, (byte) 7);
        for (int i = 0; i < RAW_BYTES; i += 1_000) {
            out.write(raw, i, 1_000);
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ObjectOutputStream pipeObjects = new ObjectOutputStream(out);
        ObjectOutputStream copyObjects = new ObjectOutputStream(copy);
        for (int i = 0; i < MESSAGES; i++) {
            int[] message = new int[1_000];
            Arrays.fill(message, i);
            pipeObjects.writeObject(message);
            pipeObjects.flush();
            copyObjects.writeObject(message);
        }
        copyObjects.flush();
        pipeObjects.close();
        return RAW_BYTES + copy.size();
    }

    static String receive(InputStream in) {
        try {
            byte[] raw = in.readNBytes(RAW_BYTES);
            ObjectInputStream objects = new ObjectInputStream(in);
            long sum = 0;
            for (int i = 0; i < MESSAGES; i++) {
                sum += Arrays.stream((int[]) objects.readObject()).sum();
            }
            long rest = in.readAllBytes().length;
            return "receivedRaw=" + raw.length + " messageSum=" + sum + " trailing=" + rest;
        } catch (IOException | ClassNotFoundException e) {
            return "receive failed: " + e;
        }
    }
}
