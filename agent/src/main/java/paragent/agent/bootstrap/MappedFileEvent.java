package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A file region mapped into memory with {@code FileChannel.map}, possibly shared with other
 * processes. Instances are thread-confined.
 */
@Name("paragent.MappedFile")
@Label("Mapped File")
@Description("A file region mapped into memory with FileChannel.map")
@Category({"paragent", "IPC"})
@StackTrace(true)
public final class MappedFileEvent extends jdk.jfr.Event {

    @Label("Path")
    public String path;

    @Label("Mode")
    @Description("READ_ONLY, READ_WRITE or PRIVATE")
    public String mode;

    @Label("Position")
    @Description("Start of the mapped region, counted from the start of the file")
    @DataAmount
    public long position;

    @Label("Size")
    @DataAmount
    public long size;
}
