package paragent.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockWaitSamplerTest {

    private final LockWaitSampler sampler = new LockWaitSampler();

    /** Records {@code waits} waits on {@code lockId}; returns the indexes of those given a stack. */
    private List<Integer> record(int lockId, int waits) {
        List<Integer> stacked = new ArrayList<>();
        for (int i = 0; i < waits; i++) {
            boolean stack = sampler.wantsStack(lockId);
            if (stack) {
                stacked.add(i);
            }
            sampler.recorded(lockId, stack);
        }
        return stacked;
    }

    @Test
    void stacksTheWarmUpThenOneInThePeriod() {
        assertThat(record(1, 4 * LockWaitSampler.PERIOD)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 16, 32, 48);
    }

    @Test
    void stacksTheFirstWaitOnALockThatIsNotRecent() {
        record(1, 20); // warmed up; 20 recorded
        assertThat(sampler.wantsStack(1)).isFalse();
        assertThat(sampler.wantsStack(2)).as("a lock never stacked on this thread").isTrue();
        sampler.recorded(2, true);
        assertThat(sampler.wantsStack(2)).isFalse();
    }

    @Test
    void forgetsTheLeastRecentlyStackedLockBeyondItsCapacity() {
        record(1, 20);
        for (int lock = 2; lock <= LockWaitSampler.RECENT_LOCKS + 1; lock++) {
            assertThat(sampler.wantsStack(lock)).isTrue();
            sampler.recorded(lock, true);
        }
        // Lock 1's slot went to the fifth lock: its next wait carries a stack again.
        assertThat(sampler.wantsStack(LockWaitSampler.RECENT_LOCKS + 1)).isFalse();
        assertThat(sampler.wantsStack(1)).isTrue();
    }

    @Test
    void aWaitThatWasNotRecordedDoesNotCount() {
        record(1, 16); // the next recorded wait is the periodic sample
        assertThat(sampler.wantsStack(1)).isTrue();
        // That wait stayed below the threshold: nothing recorded, so the next one still gets the stack.
        assertThat(sampler.wantsStack(1)).isTrue();
        sampler.recorded(1, true);
        assertThat(sampler.wantsStack(1)).isFalse();
    }
}
