package paragent.analyzer.render;

import java.io.IOException;
import java.io.Writer;

/** Writes a report's content to the given writer; the caller owns (and closes) the writer. */
@FunctionalInterface
public interface IoWriterBody {

    void write(Writer w) throws IOException;
}
