package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingSubmitsTest {

    private final PendingSubmits pending = new PendingSubmits();

    @Test
    void takeReturnsTheTimeOfTheOfferAndRemovesIt() {
        Object task = new Object();
        assertThat(pending.offer(task, 42)).isTrue();

        assertThat(pending.take(task)).isEqualTo(42);
        assertThat(pending.take(task)).isEqualTo(PendingSubmits.NONE);
    }

    @Test
    void findsTasksByIdentityNotEquality() {
        String task = new String("task");
        pending.offer(task, 1);

        assertThat(pending.take(new String("task"))).isEqualTo(PendingSubmits.NONE);
        assertThat(pending.take(task)).isEqualTo(1);
    }

    @Test
    void oneTaskOfferedTwiceIsTakenOldestFirst() {
        Object task = new Object();
        pending.offer(task, 20);
        pending.offer(task, 10);

        assertThat(pending.take(task)).isEqualTo(10);
        assertThat(pending.take(task)).isEqualTo(20);
    }

    @Test
    void aFullTableKeepsItsYoungEntriesSoADeepQueueKeepsItsSamples() {
        for (int i = 0; i < PendingSubmits.CAPACITY; i++) {
            assertThat(pending.offer(new Object(), 1_000 + i)).isTrue();
        }
        Object late = new Object();

        assertThat(pending.offer(late, 2_000)).isFalse();
        assertThat(pending.take(late)).isEqualTo(PendingSubmits.NONE);
    }

    @Test
    void aStaleEntryOfATaskThatNeverRanIsEvicted() {
        Object neverRuns = new Object();
        pending.offer(neverRuns, 0);
        for (int i = 1; i < PendingSubmits.CAPACITY; i++) {
            pending.offer(new Object(), PendingSubmits.STALE_NANOS + i);
        }
        Object task = new Object();

        assertThat(pending.offer(task, PendingSubmits.STALE_NANOS + 100)).isTrue();
        assertThat(pending.take(neverRuns)).isEqualTo(PendingSubmits.NONE);
        assertThat(pending.take(task)).isEqualTo(PendingSubmits.STALE_NANOS + 100);
    }
}
