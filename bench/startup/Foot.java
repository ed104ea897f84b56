import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.concurrent.CountDownLatch;
public class Foot {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] ts = new Thread[n];
        for (int i = 0; i < n; i++) {
            ts[i] = new Thread(() -> { try { go.await(); } catch (InterruptedException e) { } });
            ts[i].start();
        }
        Thread.sleep(1500); // let the agent's flush run once
        System.gc(); System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heapUsedAfterGC " + used / 1024 + " KB");
        Files.writeString(Path.of(a[1]), "" + ProcessHandle.current().pid());
        while (Files.exists(Path.of(a[1]))) Thread.sleep(20);
        go.countDown();
        for (Thread t : ts) t.join();
    }
}
