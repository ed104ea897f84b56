package paragent.analyzer.model;

/** The kinds of lock a Java program waits for. */
public enum LockKind {
    /** An object monitor: {@code synchronized}. */
    MONITOR,
    /** A {@code java.util.concurrent} synchronizer built on AQS: {@code ReentrantLock} and friends. */
    JUC,
    /** A file lock ({@code FileChannel.lock}), usually held by another process: no holder thread is known. */
    FILE
}
