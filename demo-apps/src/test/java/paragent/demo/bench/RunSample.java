package paragent.demo.bench;

/**
 * What one child run measured. Immutable.
 *
 * @param program            {@link Program#name()}
 * @param withAgent          whether the child ran with {@code -javaagent}
 * @param pair               the repetition this run belongs to (its partner has the same value)
 * @param processWallMillis  from just before the child was started to just after it was reaped
 * @param demoWallMillis     the {@code wallMillis=} the program printed, or -1 if it prints none
 * @param cpuMillis          the child's own user + system time, exit included
 * @param foreignCpuMillis   machine busy time over the run minus the child's and the harness's own
 * @param disturbed          foreign CPU exceeded the threshold share of wall time × CPUs
 */
record RunSample(String program, boolean withAgent, int pair, double processWallMillis, long demoWallMillis,
        double cpuMillis, double foreignCpuMillis, boolean disturbed) {
}
