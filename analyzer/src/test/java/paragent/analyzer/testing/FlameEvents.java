package paragent.analyzer.testing;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Test copies of paragent's flame graph events, with the names and fields of docs/EVENTS.md. */
public final class FlameEvents {

    private FlameEvents() {
    }

    @Name("paragent.FlameStack")
    @Label("Flame Stack")
    @Category({"paragent", "Flame Graphs"})
    @StackTrace(false)
    public static final class FlameStack extends Event {
        public String mode;
        public String thread;
        public String frames;
        public long samples;
        public long weight;
    }

    @Name("paragent.FlameInfo")
    @Label("Flame Info")
    @Category({"paragent", "Flame Graphs"})
    @StackTrace(false)
    public static final class FlameInfo extends Event {
        public String modes;
        public String engine;
        public String cpuEvent;
        public String note;
        public long cpuIntervalNanos;
        public long wallIntervalNanos;
        public long lockThresholdNanos;
        public long droppedStacks;
    }

    /** Commits one paragent.FlameStack. */
    public static void stack(String mode, String thread, String frames, long samples, long weight) {
        FlameStack e = new FlameStack();
        e.mode = mode;
        e.thread = thread;
        e.frames = frames;
        e.samples = samples;
        e.weight = weight;
        e.commit();
    }
}
