package paragent.gpu.probe;

import static org.jocl.CL.CL_MEM_ALLOC_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jocl.cl_mem;
import paragent.gpu.probe.ProbeReport.Direction;
import paragent.gpu.probe.ProbeReport.Memory;
import paragent.gpu.probe.ProbeReport.Transfer;

/**
 * Host-to-device and device-to-host copies by size, from pageable host memory (a direct buffer:
 * ordinary memory the driver may stage through its own pinned buffer) and from pinned memory (a
 * mapped {@code CL_MEM_ALLOC_HOST_PTR} buffer). One buffer of each kind, of the largest size, serves
 * every size. Not thread-safe: runs on the session's thread.
 */
final class TransferProbe {

    private TransferProbe() {
    }

    /** @param sizes transfer sizes in bytes, ascending; the last is the largest */
    static List<Transfer> measure(ClSession session, List<Long> sizes, int warmups, int repeats) {
        long largest = sizes.get(sizes.size() - 1);
        cl_mem deviceBuffer = session.buffer(CL_MEM_READ_WRITE, largest);
        ByteBuffer pageable = ByteBuffer.allocateDirect(Math.toIntExact(largest));
        ByteBuffer pinned = session.map(session.buffer(CL_MEM_READ_WRITE | CL_MEM_ALLOC_HOST_PTR, largest), largest);
        List<Transfer> transfers = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (Memory memory : Memory.values()) {
                ByteBuffer host = memory == Memory.PINNED ? pinned : pageable;
                for (long bytes : sizes) {
                    transfers.add(transfer(direction, memory, bytes, warmups, repeats,
                            () -> direction == Direction.HOST_TO_DEVICE ? session.write(deviceBuffer, host, bytes)
                                    : session.read(deviceBuffer, host, bytes)));
                }
            }
        }
        return transfers;
    }

    private static Transfer transfer(Direction direction, Memory memory, long bytes, int warmups, int repeats,
            Supplier<ClSession.Timing> copy) {
        for (int i = 0; i < warmups; i++) {
            copy.get();
        }
        double[] device = new double[repeats];
        double[] host = new double[repeats];
        double[] queued = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            ClSession.Timing timing = copy.get();
            device[i] = timing.deviceSeconds();
            host[i] = timing.hostSeconds();
            queued[i] = timing.queueSeconds();
        }
        return new Transfer(direction, memory, bytes, Stats.of(device), Stats.of(host).medianSeconds(),
                Stats.of(queued).medianSeconds());
    }
}
