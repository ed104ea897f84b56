package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an executor's summary says when only some submits and runs of a lane were timed. */
class ExecutorStatsTest {

    private final ExecutorStats stats = new ExecutorStats(1, "pool", null);
    private final ExecutorLane lane = stats.laneFor(Thread.currentThread());
    private final ExecutorStats.Interval interval = new ExecutorStats.Interval();

    @Test
    void everyRunIsInTheRunTimeHistogramAndItsTotalIsExact() {
        int sampled = 0;
        for (int i = 0; i < 100; i++) {
            boolean pick = lane.runSampler.next();
            sampled += pick ? 1 : 0;
            lane.ran(-1, 1_000 + i, pick);
        }
        stats.drainInto(interval);

        assertThat(sampled).isLessThan(100);
        assertThat(interval.tasks).isEqualTo(100);
        assertThat(interval.runTime.getTotalCount()).isEqualTo(100);
        assertThat(interval.runNanos).isEqualTo(100 * 1_000 + 99 * 100 / 2);
    }

    @Test
    void runsAfterTheFirstMeasuredQueueWaitAreRecordedAtTheLatestOne() {
        lane.ran(-1, 10, true);
        lane.ran(500, 10, true);
        lane.ran(-1, 10, false);
        lane.ran(-1, 10, true);
        stats.drainInto(interval);

        assertThat(interval.queueWait.getTotalCount()).isEqualTo(3);
        assertThat(interval.queueWait.getCountAtValue(500)).isEqualTo(3);
    }

    @Test
    void heldRunsAreCountedInTheIntervalTheyRanIn() {
        lane.ran(-1, 1_000, true);
        lane.ran(-1, 1_500, false);
        lane.ran(-1, 500, false);
        stats.drainInto(interval);
        assertThat(interval.runTime.getTotalCount()).isEqualTo(3);
        assertThat(interval.runTime.getCountAtValue(1_000)).isEqualTo(3);
        assertThat(interval.runNanos).isEqualTo(3_000);

        lane.ran(-1, 2_000, true);
        stats.drainInto(interval);
        assertThat(interval.tasks).isEqualTo(1);
        assertThat(interval.runTime.getTotalCount()).isEqualTo(1);
        assertThat(interval.runNanos).isEqualTo(2_000);
    }

    @Test
    void runsBeforeAnyFastSampleAreRecordedAtTheirOwnTime() {
        lane.ran(-1, 50_000, true); // slow: nothing to hold yet
        lane.ran(-1, 300, false); // recorded itself, and held from now on
        lane.ran(-1, 400, false); // held at 300
        stats.drainInto(interval);

        assertThat(interval.runTime.getTotalCount()).isEqualTo(3);
        assertThat(interval.runTime.getCountAtValue(300)).isEqualTo(2);
        assertThat(interval.runNanos).isEqualTo(50_700);
    }

    @Test
    void aSlowRunIsRecordedAtItsOwnTimeAndIsNotHeldForTheFastOnesAfterIt() {
        lane.ran(-1, 100, true);
        lane.ran(-1, 170_000_000, true); // a sampled task that met a GC pause
        lane.ran(-1, 120, false);
        lane.ran(-1, 50_000, false); // slow, not sampled: recorded all the same
        stats.drainInto(interval);

        assertThat(interval.runTime.getTotalCount()).isEqualTo(4);
        assertThat(interval.runTime.getCountAtValue(100)).isEqualTo(2);
        assertThat(interval.runTime.getMaxValue()).isGreaterThanOrEqualTo(170_000_000 - 170_000);
        assertThat(interval.runNanos).isEqualTo(100 + 170_000_000 + 120 + 50_000);
    }

    @Test
    void submitTimeIsTheSumOfEverySubmit() {
        lane.submitted(200);
        lane.submitted(40_000);
        lane.submitted(300);
        stats.drainInto(interval);
        assertThat(interval.submits).isEqualTo(3);
        assertThat(interval.submitNanos).isEqualTo(40_500);

        lane.submitted(100);
        stats.drainInto(interval);
        assertThat(interval.submits).isEqualTo(1);
        assertThat(interval.submitNanos).isEqualTo(100);
    }
}
