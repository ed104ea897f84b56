import java.lang.management.ManagementFactory;
public class Hello {
    public static void main(String[] a) {
        long up = ManagementFactory.getRuntimeMXBean().getUptime();
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long proc = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.println(up + " " + thread + " " + proc);
    }
}
