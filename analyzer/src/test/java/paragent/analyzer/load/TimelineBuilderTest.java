package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import paragent.analyzer.model.ThreadState;

/** The per-bucket states of one thread from event intervals and cumulative counters. */
class TimelineBuilderTest {

    private static final long MS = 1_000_000L;
    private static final long START = 1_000_000_000_000L;

    private static double at(float[][] s, ThreadState state, int bucket) {
        return s[state.ordinal()][bucket];
    }

    @Test
    void statesComeFromIntervalsAndCountersAndFillEveryBucket() {
        // 1 s recording → 100 buckets of 10 ms. The thread lives 100..900 ms: blocked 100..200,
        // idle in a pool 300..400, parked on a latch 400..500, sleeping 500..600; a GC pause at
        // 700..710; CPU 200 ms and run-queue wait 100 ms, both over 600..900.
        ThreadData t = new ThreadData(1, new RetentionCaps());
        t.monitorEnters.add(START + 100 * MS, START + 200 * MS);
        t.parks.add(START + 300 * MS, START + 400 * MS);
        t.idleParks.add(START + 300 * MS, START + 400 * MS);
        t.parks.add(START + 400 * MS, START + 500 * MS);
        t.sleeps.add(START + 500 * MS, START + 600 * MS);
        ThreadData.LongPairs gc = new ThreadData.LongPairs(new RetentionCaps());
        gc.add(START + 700 * MS, START + 710 * MS);
        ThreadData.LongPairs cpu = new ThreadData.LongPairs(new RetentionCaps());
        cpu.add(START + 600 * MS, 50 * MS);
        cpu.add(START + 900 * MS, 250 * MS);
        ThreadData.LongPairs runQueue = new ThreadData.LongPairs(new RetentionCaps());
        runQueue.add(START + 600 * MS, 0);
        runQueue.add(START + 900 * MS, 100 * MS);
        TimelineBuilder builder = new TimelineBuilder(START, START + 1000 * MS, gc, 1);

        float[][] s = builder.thread(t, START + 100 * MS, START + 900 * MS, cpu, runQueue, 0);

        assertThat(s[0]).hasSize(100);
        for (int b = 0; b < 100; b++) {
            double sum = 0;
            for (ThreadState state : ThreadState.values()) {
                sum += at(s, state, b);
            }
            assertThat(sum).as("bucket %d", b).isCloseTo(0.010, within(1e-6));
        }
        assertThat(at(s, ThreadState.NOT_ALIVE, 5)).isCloseTo(0.010, within(1e-6));
        assertThat(at(s, ThreadState.BLOCKED, 15)).isCloseTo(0.010, within(1e-6));
        assertThat(at(s, ThreadState.PARKED_IDLE, 35)).isCloseTo(0.010, within(1e-6));
        assertThat(at(s, ThreadState.PARKED_OTHER, 45)).isCloseTo(0.010, within(1e-6));
        assertThat(at(s, ThreadState.PARKED_OTHER, 35)).isCloseTo(0, within(1e-6));
        assertThat(at(s, ThreadState.SLEEPING, 55)).isCloseTo(0.010, within(1e-6));
        assertThat(at(s, ThreadState.GC, 70)).isCloseTo(0.010, within(1e-6));
        // Over 600..900 ms: 2/3 of each bucket running, 1/3 waiting for a CPU (the GC bucket aside).
        assertThat(at(s, ThreadState.RUNNING, 80)).isCloseTo(0.010 * 2 / 3, within(1e-6));
        assertThat(at(s, ThreadState.WAITING_FOR_CPU, 80)).isCloseTo(0.010 / 3, within(1e-6));
        assertThat(at(s, ThreadState.NOT_ALIVE, 95)).isCloseTo(0.010, within(1e-6));
    }

    @Test
    void aThreadStartedInsideTheRecordingCountsItsFirstReadingFromItsStart() {
        ThreadData t = new ThreadData(1, new RetentionCaps());
        ThreadData.LongPairs cpu = new ThreadData.LongPairs(new RetentionCaps());
        cpu.add(START + 200 * MS, 100 * MS);
        TimelineBuilder builder = new TimelineBuilder(START, START + 1000 * MS, new ThreadData.LongPairs(new RetentionCaps()), 1);

        float[][] s = builder.thread(t, START + 100 * MS, START + 200 * MS, cpu, null, 0);

        double running = 0;
        for (float v : s[ThreadState.RUNNING.ordinal()]) {
            running += v;
        }
        assertThat(running).isCloseTo(0.100, within(1e-6));
    }

    @Test
    void manyThreadsGetFewerWiderBucketsSoTheCellsStayBounded() {
        ThreadData t = new ThreadData(1, new RetentionCaps());
        ThreadData.LongPairs none = new ThreadData.LongPairs(new RetentionCaps());
        long tenSeconds = 10_000 * MS;

        assertThat(new TimelineBuilder(START, START + tenSeconds, none, 1_000).thread(t, START, START + tenSeconds, null, null, 0)[0])
                .hasSize(TimelineBuilder.MAX_BUCKETS);
        assertThat(new TimelineBuilder(START, START + tenSeconds, none, 10_000).thread(t, START, START + tenSeconds, null, null, 0)[0])
                .hasSize(30);
        assertThat(new TimelineBuilder(START, START + tenSeconds, none, 1_000_000).thread(t, START, START + tenSeconds, null, null, 0)[0])
                .hasSize(TimelineBuilder.MIN_BUCKETS);
    }
}
