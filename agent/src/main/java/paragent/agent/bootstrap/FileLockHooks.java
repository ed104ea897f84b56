package paragent.agent.bootstrap;

import java.nio.channels.FileChannel;

/**
 * Called by the advice woven into {@code sun.nio.ch.FileChannelImpl.lock}/{@code tryLock}/{@code map}
 * and {@code sun.nio.ch.FileLockImpl.invalidate}; commits {@link FileLockWaitEvent} and
 * {@link MappedFileEvent} itself and forwards acquisitions and releases to the installed
 * {@link FileLockSink}. Called concurrently from application threads; never throws.
 */
public final class FileLockHooks {

    private static volatile FileLockSink sink;

    private FileLockHooks() {
    }

    /** Starts delivering file locks to {@code newSink}; null stops it. */
    public static void install(FileLockSink newSink) {
        sink = newSink;
    }

    /** Entry of {@code lock} or {@code tryLock}: the wait event begun, or null when not recording. */
    public static FileLockWaitEvent lockBegin() {
        try {
            if (sink == null) {
                return null;
            }
            FileLockWaitEvent event = new FileLockWaitEvent();
            event.begin();
            event.startNanos = System.nanoTime();
            return event;
        } catch (Throwable t) {
            HookFailures.report("file lock recording", t);
            return null;
        }
    }

    /** Exit of {@code lock} ({@code blocking}) or {@code tryLock}. */
    public static void lockEnd(FileLockWaitEvent event, String path, long position, long size, boolean shared,
            boolean blocking, Object lock) {
        try {
            FileLockSink current = sink;
            if (event == null || current == null) {
                return;
            }
            long callNanos = System.nanoTime() - event.startNanos;
            current.locked(path, lock, blocking, callNanos);
            if (blocking && lock != null) {
                event.end();
                if (event.shouldCommit()) {
                    event.path = path;
                    event.shared = shared;
                    event.position = position;
                    event.size = size;
                    event.commit();
                }
            }
        } catch (Throwable t) {
            HookFailures.report("file lock recording", t);
        }
    }

    /** Entry of {@code FileLockImpl.invalidate}, reached by {@code release()} and by closing the channel. */
    public static void released(Object lock) {
        try {
            FileLockSink current = sink;
            if (current != null) {
                current.released(lock);
            }
        } catch (Throwable t) {
            HookFailures.report("file lock recording", t);
        }
    }

    /** Exit of {@code FileChannelImpl.map(MapMode, long, long[, Arena])} that returned normally. */
    public static void mapped(String path, FileChannel.MapMode mode, long position, long size) {
        try {
            if (sink == null) {
                return;
            }
            MappedFileEvent event = new MappedFileEvent();
            event.path = path;
            event.mode = String.valueOf(mode);
            event.position = position;
            event.size = size;
            event.commit();
        } catch (Throwable t) {
            HookFailures.report("mapped file recording", t);
        }
    }
}
