package paragent.analyzer.diagnosis;

/**
 * Every cause of lost parallelism the JSON contract ({@code paragent/summary@1}) names. Kinds are
 * added, never renamed; the constant's name is the contract's string.
 */
public enum FindingKind {
    /** Threads wait for a lock another thread holds (or spin trying to get it). */
    LOCK_CONTENTION,
    /** Only one thread runs while the others idle. */
    SERIAL_SECTION,
    /** Some workers finish early and idle while others still work. */
    LOAD_IMBALANCE,
    /** More runnable threads than cores: they wait for a CPU. */
    OVERSUBSCRIPTION,
    /** Tasks too small: scheduling and hand-off cost more than the work. */
    TASK_OVERHEAD,
    /** The same work costs more CPU time with more threads (cache, memory bandwidth, SMT). */
    CPU_TIME_INFLATION,
    /** Time spent starting child processes. */
    PROCESS_SPAWN,
    /** Time spent moving data between processes. */
    IPC,
    /** Stop-the-world garbage collection. */
    GC,
    /** Waiting for file or network I/O. */
    IO,
    /** Waiting for host-device transfers. */
    GPU_TRANSFER
}
