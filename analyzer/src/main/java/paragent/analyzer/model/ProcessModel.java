package paragent.analyzer.model;

import java.util.List;

/**
 * The JVM's own CPU use against the machine, and its child processes. Immutable.
 *
 * @param jvmUserSeconds the JVM's user CPU time during the recording; null when not recorded
 * @param jvmSystemSeconds the JVM's system CPU time; null when not recorded
 * @param machineCpuFraction the whole machine's average CPU use (0..1); null when not recorded
 * @param children child processes, in start order
 */
public record ProcessModel(Double jvmUserSeconds, Double jvmSystemSeconds, Double machineCpuFraction,
                           List<ChildProcess> children) {

    public ProcessModel {
        children = List.copyOf(children);
    }

    /** No process data. */
    public static ProcessModel empty() {
        return new ProcessModel(null, null, null, List.of());
    }
}
