package paragent.analyzer.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.EventStream;
import paragent.analyzer.RecordingException;
import paragent.analyzer.model.RecordingModel;

/**
 * Reads one JFR recording in a single streaming pass into a {@link RecordingModel}. The only class
 * family that touches {@code jdk.jfr.consumer}. Stateless; safe for concurrent use on different
 * files.
 *
 * <p>Only the event types the analysis uses are decoded (see {@link EventCollector#HANDLERS});
 * JFR skips the rest by their size. With more than one processor, JFR's parser runs on a thread of
 * its own beside the collector ({@link EventPipeline}); the model is the same as from one thread.
 *
 * <p>Bad input fails with a {@link RecordingException} whose message is one line for the user. A
 * recording damaged part way through (a JVM killed while writing, a copy cut short) still yields a
 * model of its complete chunks, with a warning; one with no complete chunk or no readable events is
 * an error.
 */
public final class RecordingLoader {

    /** What a warning about damaged input says after the file's name. */
    public static final String DAMAGED = " is truncated or corrupt (";

    /** Every JFR file starts with these bytes. */
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private RecordingLoader() {
    }

    /**
     * @param recording a {@code .jfr} file
     * @return the model of what it recorded
     * @throws RecordingException when the file is missing, empty, not JFR, or has no readable events
     */
    public static RecordingModel load(Path recording) throws RecordingException {
        return load(recording, new RetentionCaps());
    }

    /** {@link #load(Path)} within the given caps (smaller ones, for tests). */
    static RecordingModel load(Path recording, RetentionCaps caps) throws RecordingException {
        return load(recording, caps, Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * @param pipelined true to run JFR's parser and the collector on two threads ({@link EventPipeline});
     *     false for one: the same model either way
     */
    static RecordingModel load(Path recording, RetentionCaps caps, boolean pipelined) throws RecordingException {
        String name = recording.getFileName() == null ? recording.toString() : recording.getFileName().toString();
        checkFile(recording, name);
        ChunkScan chunks = scan(recording, name);
        EventCollector collector = new EventCollector(caps);
        List<String> warnings = new ArrayList<>();
        try {
            if (pipelined) {
                EventPipeline.stream(recording, collector);
            } else {
                streamOnThisThread(recording, collector);
            }
        } catch (IOException | RuntimeException e) {
            if (collector.events == 0) {
                throw corrupt(name, e);
            }
            if (chunks.damage() == null) {
                warnings.add(name + DAMAGED + reason(e) + "); analyzed the " + collector.events
                        + " events before the damage, results may be incomplete");
            }
        }
        if (chunks.damage() != null) {
            warnings.add(String.format(Locale.ROOT, "%s" + DAMAGED + "%s); analyzed its %d complete"
                    + " chunks (%.1f of %.1f MB), results may be incomplete", name, chunks.damage(),
                    chunks.completeChunks(), chunks.completeBytes() / 1e6, chunks.fileBytes() / 1e6));
        }
        if (collector.events == 0) {
            throw new RecordingException(name + " holds no events: the recording was empty or stopped at once;"
                    + " re-record, and let the program run");
        }
        return new ModelBuilder(collector, warnings).build(name);
    }

    private static void streamOnThisThread(Path recording, EventCollector collector) throws IOException {
        try (EventStream stream = EventPipeline.open(recording, true)) {
            stream.onMetadata(metadata -> collector.onMetadata(metadata.getEventTypes()));
            for (String type : EventCollector.EVENT_TYPES) {
                stream.onEvent(type, collector::accept);
            }
            stream.start();
        }
    }

    /** @return the file's chunks; throws when not one of them is complete */
    private static ChunkScan scan(Path recording, String name) throws RecordingException {
        ChunkScan chunks;
        try {
            chunks = ChunkScan.of(recording);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + recording + ": " + reason(e), e);
        }
        if (chunks.completeChunks() == 0) {
            throw new RecordingException(name + " is truncated or corrupt: " + chunks.damage()
                    + "; re-record, and let the program exit normally");
        }
        return chunks;
    }

    private static void checkFile(Path recording, String name) throws RecordingException {
        if (!Files.exists(recording)) {
            throw new RecordingException("no such file: " + recording);
        }
        if (Files.isDirectory(recording)) {
            throw new RecordingException(recording + " is a directory, not a JFR recording; name a .jfr file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(recording)) {
            head = in.readNBytes(MAGIC.length);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + recording + ": " + reason(e), e);
        }
        if (head.length == 0) {
            throw new RecordingException(name + " is empty (0 bytes): the recording was not written;"
                    + " was the JVM killed with SIGKILL?");
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new RecordingException(name + " is not a JFR recording (it does not start with the JFR"
                    + " magic bytes 'FLR\\0')");
        }
    }

    private static RecordingException corrupt(String name, Throwable e) {
        return new RecordingException(name + " is truncated or corrupt: " + reason(e)
                + "; re-record, and let the program exit normally", e);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        String reason = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return reason.replace('\n', ' ').strip();
    }
}
