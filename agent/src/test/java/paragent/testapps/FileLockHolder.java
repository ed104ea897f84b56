package paragent.testapps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process that locks a file (argument 0) {@value FileLocksApp#ROUNDS} times, each time
 * saying {@code locked} on stdout, holding the lock 200 ms and waiting for a line on stdin
 * before the next round.
 */
public final class FileLockHolder {

    private FileLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            for (int i = 0; i < FileLocksApp.ROUNDS; i++) {
                FileLock lock = channel.lock();
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(200);
                lock.release();
                in.readLine();
            }
        }
    }
}
