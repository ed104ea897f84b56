package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubmitTimesTest {

    private final SubmitTimes times = new SubmitTimes();
    private final long[] found = new long[1];

    @Test
    void takeReturnsTheOwnerAndTimeOfThePutAndRemovesIt() {
        Object task = new Object();
        Object owner = new Object();
        times.put(task, 42, owner);

        assertThat(times.take(task, found)).isSameAs(owner);
        assertThat(found[0]).isEqualTo(42);
        assertThat(times.take(task, found)).isNull();
    }

    @Test
    void findsTasksByIdentityNotEquality() {
        String task = new String("task");
        times.put(task, 1, "owner");

        assertThat(times.take(new String("task"), found)).isNull();
        assertThat(times.take(task, found)).isEqualTo("owner");
    }

    @Test
    void oneTaskSubmittedTwiceIsTakenOldestFirst() {
        Object task = new Object();
        times.put(task, 20, "second");
        times.put(task, 10, "first");

        assertThat(times.take(task, found)).isEqualTo("first");
        assertThat(found[0]).isEqualTo(10);
        assertThat(times.take(task, found)).isEqualTo("second");
        assertThat(found[0]).isEqualTo(20);
    }

    @Test
    void tasksThatNeverRunAreEvictedSoTheTableKeepsWorking() {
        for (int i = 0; i < 4 * SubmitTimes.CAPACITY; i++) {
            times.put(new Object(), i, "never run");
        }
        Object task = new Object();
        times.put(task, Long.MAX_VALUE - 1, "runs");

        assertThat(times.take(task, found)).isEqualTo("runs");
    }

    @Test
    void aFullWindowEvictsItsOldestEntry() {
        Object task = new Object();
        for (int i = 0; i < SubmitTimes.WINDOW; i++) {
            times.put(task, 100 + i, "old");
        }
        times.put(task, 1_000, "new");

        for (int i = 1; i < SubmitTimes.WINDOW; i++) {
            assertThat(times.take(task, found)).isEqualTo("old");
            assertThat(found[0]).isEqualTo(100 + i);
        }
        assertThat(times.take(task, found)).isEqualTo("new");
        assertThat(times.take(task, found)).isNull();
    }
}
