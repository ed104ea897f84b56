package paragent.analyzer.testing;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Test copies of paragent's process and IPC events, with the names and fields of the issue-5 contract. */
public final class IpcEvents {

    private IpcEvents() {
    }

    @Name("paragent.ProcessSpawn")
    @Label("Process Spawn")
    @Category("paragent")
    @StackTrace(true)
    public static final class ProcessSpawn extends Event {
        public long pid;
        public String command;
        public String error;
    }

    @Name("paragent.ProcessExit")
    @Label("Process Exit")
    @Category("paragent")
    @StackTrace(false)
    public static final class ProcessExit extends Event {
        public long pid;
        public String command;
        public int exitCode;
        public boolean stillRunning;
        public long lifetimeNanos;
        public long cpuNanos;
    }

    @Name("paragent.ChannelOpen")
    @Label("Channel Open")
    @Category("paragent")
    @StackTrace(true)
    public static final class ChannelOpen extends Event {
        public long channelId;
        public String kind;
        public String side;
        public String stream;
        public long peerPid;
        public String peerCommand;
        public String localAddress;
        public String remoteAddress;
        public long pipeInode;
    }

    @Name("paragent.ChannelSummary")
    @Label("Channel Summary")
    @Category("paragent")
    @StackTrace(false)
    public static final class ChannelSummary extends Event {
        public long channelId;
        public long javaThreadId;
        public long bytesRead;
        public long bytesWritten;
        public long reads;
        public long writes;
        public long readNanos;
        public long writeNanos;
        public long idleReadNanos;
    }

    @Name("paragent.ChannelOp")
    @Label("Channel Operation")
    @Category("paragent")
    @StackTrace(true)
    public static final class ChannelOp extends Event {
        public long channelId;
        public String operation;
        public long bytes;
    }

    @Name("paragent.SerializationSummary")
    @Label("Serialization Summary")
    @Category("paragent")
    @StackTrace(false)
    public static final class SerializationSummary extends Event {
        public String direction;
        public String className;
        public long javaThreadId;
        public long objects;
        public long nanos;
        public long channelNanos;
        public long channelBytes;
        public long channelId;
        public String site;
    }

    @Name("paragent.FileLockWait")
    @Label("File Lock Wait")
    @Category("paragent")
    @StackTrace(true)
    public static final class FileLockWait extends Event {
        public String path;
        public boolean shared;
        public long position;
        public long size;
    }

    @Name("paragent.FileLockSummary")
    @Label("File Lock Summary")
    @Category("paragent")
    @StackTrace(false)
    public static final class FileLockSummary extends Event {
        public String path;
        public long javaThreadId;
        public long acquisitions;
        public long waits;
        public long waitNanos;
        public long holdNanos;
        public String histogram;
    }

    @Name("paragent.MappedFile")
    @Label("Mapped File")
    @Category("paragent")
    @StackTrace(true)
    public static final class MappedFile extends Event {
        public String path;
        public String mode;
        public long position;
        public long size;
    }
}
