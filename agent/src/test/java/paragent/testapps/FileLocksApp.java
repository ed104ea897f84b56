package paragent.testapps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Contends with a {@link FileLockHolder} child for an exclusive lock on a file (argument 0):
 * {@value #ROUNDS} times the child holds it and this JVM's {@code lock()} waits, then one
 * uncontended {@code tryLock()}; finally maps the file read-write ({@value #MAP_BYTES} bytes) and
 * counts the rounds in the mapping.
 */
public final class FileLocksApp {

    static final int ROUNDS = 3;
    static final int MAP_BYTES = 4_096;

    private FileLocksApp() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, MAP_BYTES);
            String java = System.getProperty("java.home") + "/bin/java";
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "paragent.testapps.FileLockHolder", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            OutputStream next = holder.getOutputStream();
            for (int i = 0; i < ROUNDS; i++) {
                said.readLine();
                FileLock lock = channel.lock();
                counter.putInt(0, counter.getInt(0) + 1);
                lock.release();
                next.write('\n');
                next.flush();
            }
            System.out.println("holder exit=" + holder.waitFor());
            try (FileLock lock = channel.tryLock()) {
                System.out.println("tryLock " + (lock != null ? "acquired" : "refused"));
            }
            System.out.println("counter=" + counter.getInt(0));
        }
    }
}
