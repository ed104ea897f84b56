package paragent.agent.bootstrap;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One blocking {@code FileChannel.lock} call that waited at least the recording's threshold: the
 * event thread waited for the duration of the event, for a lock held by this or another process.
 * Instances are thread-confined.
 */
@Name("paragent.FileLockWait")
@Label("File Lock Wait")
@Description("A thread waited in FileChannel.lock for a lock on a file region")
@Category({"paragent", "Locks"})
@StackTrace(true)
public final class FileLockWaitEvent extends jdk.jfr.Event {

    @Label("Path")
    @Description("The locked file's path, or null")
    public String path;

    @Label("Shared")
    public boolean shared;

    @Label("Position")
    @Description("Start of the locked region, counted from the start of the file")
    @DataAmount
    public long position;

    @Label("Size")
    @Description("Length of the locked region; Long.MAX_VALUE for the whole file however it grows")
    @DataAmount
    public long size;

    /** Start of the call, for the in-process aggregate; not written to the recording. */
    transient long startNanos;
}
