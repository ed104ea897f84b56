package paragent.analyzer.testing;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Test copies of paragent's custom events, with the names and fields of docs/EVENTS.md. */
public final class ParagentEvents {

    private ParagentEvents() {
    }

    @Name("paragent.LockWait")
    @Label("Lock Wait")
    @Category("paragent")
    @StackTrace(true)
    public static final class LockWait extends Event {
        public String lockClass;
        public String syncClass;
        public int lockId;
        public boolean shared;
        public Thread holder;
    }

    @Name("paragent.LockWaitNoStack")
    @Label("Lock Wait (Stack Not Sampled)")
    @Category("paragent")
    @StackTrace(false)
    public static final class LockWaitNoStack extends Event {
        public String lockClass;
        public String syncClass;
        public int lockId;
        public boolean shared;
        public Thread holder;
    }

    @Name("paragent.LockSummary")
    @Label("Lock Summary")
    @Category("paragent")
    @StackTrace(false)
    public static final class LockSummary extends Event {
        public String lockClass;
        public String syncClass;
        public int lockId;
        public boolean shared;
        public long waits;
        public long waitNanos;
        public long maxWaitNanos;
        public String histogram;
    }

    @Name("paragent.ThreadTimes")
    @Label("Thread Times")
    @Category("paragent")
    @StackTrace(false)
    public static final class ThreadTimes extends Event {
        public Thread thread;
        public long cpuNanos;
        public long userNanos;
        public long blockedNanos;
        public long blockedCount;
        public long waitedNanos;
        public long waitedCount;
        public boolean baseline;
    }

    @Name("paragent.RunInfo")
    @Label("Run Info")
    @Category("paragent")
    @StackTrace(false)
    public static final class RunInfo extends Event {
        public String agentVersion;
        public String options;
        public String command;
        public long pid;
        public int availableProcessors;
        public long lockWaitThresholdNanos;
        public long monitorThresholdNanos;
        public long samplePeriodMillis;
        public String runId;
        public long parentPid;
        public long agentStartNanos;
        public boolean children;
    }
}
