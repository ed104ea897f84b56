package paragent.analyzer.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import jdk.jfr.EventType;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Streams a recording's events into an {@link EventCollector} on two threads: JFR's parser (reading
 * chunks, constant pools and events) on a thread of its own, the collector (reading the events'
 * fields, most of the work) on the calling thread. The parser thread also reads what every event
 * needs (its times and thread), to share the work more evenly. The events go over in batches through a bounded
 * queue, in the order the parser read them, so the collector sees exactly what a single-threaded
 * pass would show it, in the same order, and its results are the same.
 *
 * <p>Thread-safety: the collector stays confined to the calling thread; the parser thread touches
 * only its own batch. The queue hands each batch over (happens-before), and what an event refers to
 * (its stack, thread, class) is resolved by JFR when the chunk's constant pools are read, before the
 * event is, and not changed afterwards. Memory is bounded by the queue: at most
 * {@link #BATCHES_IN_FLIGHT} batches of {@link #BATCH_EVENTS} events are held at a time.
 *
 * <p>A failure of the parser (a damaged chunk) reaches the collector's thread after the events read
 * before it, as it would from a single-threaded {@link EventStream#start()}; a failure of the
 * collector stops the parser.
 */
final class EventPipeline {

    /** Events per batch: large enough that the hand-over costs little per event. */
    static final int BATCH_EVENTS = 1024;
    /** Batches queued at most: enough for the parser to run ahead, a few MB of events. */
    static final int BATCHES_IN_FLIGHT = 8;

    /**
     * Events and chunk metadata in the order read, with what every event needs read from it on the
     * parser thread: its times and thread. Filled by the parser thread, then only read.
     */
    private static final class Batch {
        final Object[] items = new Object[BATCH_EVENTS];
        final long[] startNanos = new long[BATCH_EVENTS];
        final long[] endNanos = new long[BATCH_EVENTS];
        final RecordedThread[] threads = new RecordedThread[BATCH_EVENTS];
        int size;
        /** True for the end of the stream, with the parser's failure if it failed. */
        boolean last;
        Throwable failure;

        boolean full() {
            return size == BATCH_EVENTS;
        }

        void add(RecordedEvent event, FieldReader eventThread) {
            startNanos[size] = EventCollector.nanos(event.getStartTime());
            endNanos[size] = EventCollector.nanos(event.getEndTime());
            threads[size] = eventThread.thread(event);
            items[size++] = event;
        }

        void add(List<EventType> metadata) {
            items[size++] = metadata;
        }
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    /** Written by the parser thread only. */
    private Batch batch = new Batch();
    /** The parser thread's reader of every event's thread. */
    private final FieldReader eventThread = new FieldReader("eventThread");

    private EventPipeline() {
    }

    /**
     * Reads every event of {@link EventCollector#EVENT_TYPES} in {@code recording} into {@code collector}.
     *
     * @throws IOException when the file cannot be read or is damaged (after the events before the damage)
     * @throws RuntimeException when JFR's parser or the collector fails on an event (likewise)
     */
    static void stream(Path recording, EventCollector collector) throws IOException {
        EventPipeline pipeline = new EventPipeline();
        Thread parser = new Thread(() -> pipeline.parse(recording), "paragent-jfr-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            pipeline.collect(collector);
        } finally {
            stop(parser);
        }
    }

    /** Opens the stream the way a single-threaded pass does; the caller subscribes and starts it. */
    static EventStream open(Path recording, boolean reuseEvents) throws IOException {
        EventStream stream = EventStream.openFile(recording);
        // The collector keeps nothing of an event object, and needs no time order: the file's
        // order already gives each thread's events in the order the thread committed them.
        stream.setReuse(reuseEvents);
        stream.setOrdered(false);
        return stream;
    }

    /** On the parser thread: reads the file into batches, then queues the end with its failure. */
    private void parse(Path recording) {
        Throwable failure = null;
        try (EventStream stream = open(recording, false)) {
            stream.onMetadata(metadata -> {
                makeRoom();
                batch.add(metadata.getEventTypes());
            });
            for (String type : EventCollector.EVENT_TYPES) {
                stream.onEvent(type, event -> {
                    makeRoom();
                    batch.add(event, eventThread);
                });
            }
            stream.start();
        } catch (CancellationException e) {
            return; // the collector stopped; nobody takes the end
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        batch.last = true;
        batch.failure = failure;
        try {
            hand(batch);
        } catch (CancellationException e) {
            // the collector stopped meanwhile
        }
    }

    private void makeRoom() {
        if (batch.full()) {
            hand(batch);
            batch = new Batch();
        }
    }

    private void hand(Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            throw new CancellationException("the collector stopped");
        }
    }

    /** On the calling thread: gives every queued item to the collector, then rethrows the parser's failure. */
    @SuppressWarnings("unchecked")
    private void collect(EventCollector collector) throws IOException {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the recording");
            }
            for (int i = 0; i < batch.size; i++) {
                if (batch.items[i] instanceof RecordedEvent event) {
                    collector.accept(event, batch.startNanos[i], batch.endNanos[i], batch.threads[i]);
                } else {
                    collector.onMetadata((List<EventType>) batch.items[i]);
                }
            }
            if (batch.last) {
                rethrow(batch.failure);
                return;
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops the parser thread if it still runs (the collector failed) and waits for it to end. */
    private static void stop(Thread parser) {
        parser.interrupt();
        boolean interrupted = false;
        while (parser.isAlive()) {
            try {
                parser.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
