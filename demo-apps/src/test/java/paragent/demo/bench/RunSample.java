package paragent.demo.bench;

/**
 * What one child run measured. Immutable.
 *
 * @param program            {@link Program#name()}
 * @param side               how it was run: without the agent or with it (and which options)
 * @param pair               the round this run belongs to (the other sides' runs of the round have the same value)
 * @param processWallMillis  from just before the child was started to just after it was reaped
 * @param demoWallMillis     the {@code wallMillis=} the program printed, or -1 if it prints none
 * @param cpuMillis          the child's own user + system time, exit included
 * @param foreignCpuMillis   machine busy time over the run minus the child's and the harness's own
 * @param disturbed          foreign CPU exceeded the threshold share of wall time × CPUs
 * @param result             the {@code result=} values the program printed, joined by {@code ,}; "" if none
 */
record RunSample(String program, Side side, int pair, double processWallMillis, long demoWallMillis,
        double cpuMillis, double foreignCpuMillis, boolean disturbed, String result) {
}
