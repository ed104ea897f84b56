package paragent.analyzer.testing;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Test copies of paragent's OpenCL events, with the names and fields of the issue-6 contract. */
public final class GpuEvents {

    private GpuEvents() {
    }

    @Name("paragent.GpuCommand")
    @Label("GPU Command")
    @Category("paragent")
    @StackTrace(true)
    public static final class GpuCommand extends Event {
        public long queueId;
        public String kind;
        public String kernelName;
        public long bytes;
        public long globalSize;
        public boolean blocking;
        public long queuedNanos;
        public long submitNanos;
        public long startNanos;
        public long endNanos;
        public long hostEnqueueNanos;
    }

    @Name("paragent.GpuSummary")
    @Label("GPU Summary")
    @Category("paragent")
    @StackTrace(false)
    public static final class GpuSummary extends Event {
        public long queueId;
        public String kind;
        public String kernelName;
        public long commands;
        public long bytes;
        public long deviceNanos;
        public long queuedNanos;
    }

    @Name("paragent.GpuWait")
    @Label("GPU Wait")
    @Category("paragent")
    @StackTrace(true)
    public static final class GpuWait extends Event {
        public String call;
        public long queueId;
    }
}
