package paragent.gpu.probe;

import java.util.ArrayList;
import java.util.List;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.Device;
import paragent.gpu.probe.ProbeReport.Direction;
import paragent.gpu.probe.ProbeReport.KernelThroughput;
import paragent.gpu.probe.ProbeReport.Memory;
import paragent.gpu.probe.ProbeReport.OffloadPoint;
import paragent.gpu.probe.ProbeReport.Platform;
import paragent.gpu.probe.ProbeReport.Transfer;

/** Reports with made-up numbers for the writers' tests; the device name needs escaping everywhere. */
final class SampleReports {

    static final String HOSTILE_NAME = "<script>alert(\"x\")</script> & 'GPU'\n";

    private SampleReports() {
    }

    static ProbeReport sample() {
        Device device = new Device(0, HOSTILE_NAME, "GPU", "Vendor & Co", "1.0", 8L << 30, 2L << 30, 40, 1024);
        Device other = new Device(1, "cpu", "CPU", "Other", "2.0", 16L << 30, 4L << 30, 8, 4096);
        List<Transfer> transfers = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (Memory memory : Memory.values()) {
                for (long bytes : List.of(4096L, 16384L)) {
                    transfers.add(new Transfer(direction, memory, bytes, Stats.of(bytes / 1e9, bytes / 2e9, bytes / 0.5e9),
                            bytes / 0.9e9, 1e-6));
                }
            }
        }
        List<OffloadPoint> points = List.of(new OffloadPoint(1024, 4096, 1e-5, 3e-5, 2e-5, 1e-6),
                new OffloadPoint(4096, 16384, 4e-5, 6e-5, 5e-5, 2e-6));
        Crossover never = CrossoverFinder.find("memoryBound", "the memory-bound kernel", 4, points);
        Crossover pays = new Crossover("computeBound", 4096L, 16384L, "pays from 4,096 <elements>", points);
        return new ProbeReport(List.of(new Platform("Platform <1>", "Vendor", "OpenCL 3.0", List.of(device)),
                new Platform("Platform 2", "Vendor", "OpenCL 1.2", List.of(other))), device, transfers, 5e-6,
                List.of(new KernelThroughput("memoryBound", 4096, 2e-6, 2.4e10, "B/s"),
                        new KernelThroughput("computeBound", 4096, 2e-6, 2.6e11, "FLOP/s")),
                List.of(never, pays), 4, 3, 1);
    }
}
