package paragent.analyzer.load;

import java.nio.file.Path;
import jdk.jfr.consumer.EventStream;

/**
 * The floor under any analysis built on JFR's consumer API: the file streamed as the analyzer
 * streams it ({@link EventPipeline#open}, the same {@link EventCollector#EVENT_TYPES}), on one
 * thread, each event only counted. {@code bench/analyzer-speed.sh --floor} times it beside
 * {@code jfr summary} and the full report (docs/PERFORMANCE.md, "What JFR's parser alone costs").
 * A {@code main} for measurements, not a test.
 */
public final class ParseFloor {

    private ParseFloor() {
    }

    public static void main(String[] args) throws Exception {
        long[] events = new long[1];
        try (EventStream stream = EventPipeline.open(Path.of(args[0]), true)) {
            for (String type : EventCollector.EVENT_TYPES) {
                stream.onEvent(type, event -> events[0]++);
            }
            stream.start();
        }
        System.out.println(events[0] + " events");
    }
}
