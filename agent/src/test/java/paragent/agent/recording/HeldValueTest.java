package paragent.agent.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HeldValueTest {

    private final HeldValue held = new HeldValue(false);
    private final Histogram histogram = new Histogram(2);

    @Test
    void holdsNothingBeforeAValueIsMeasured() {
        held.hold();
        held.set(50);

        assertThat(held.flushInto(histogram)).isZero();
        assertThat(histogram.getTotalCount()).isZero();
    }

    @Test
    void recordsTheHeldEventsAtTheHeldValueOnce() {
        held.set(50);
        held.hold();
        held.hold();
        held.hold();

        assertThat(held.flushInto(histogram)).isEqualTo(150);
        assertThat(held.flushInto(histogram)).isZero();
        assertThat(histogram.getTotalCount()).isEqualTo(3);
        assertThat(histogram.getCountAtValue(50)).isEqualTo(3);
    }

    @Test
    void eventsHeldAfterANewValueAreRecordedAtIt() {
        held.set(50);
        held.hold();
        held.flushInto(histogram);
        held.set(1_000);
        held.hold();
        held.hold();
        Histogram later = new Histogram(2);

        assertThat(held.flushInto(later)).isEqualTo(2_000);
        assertThat(later.getTotalCount()).isEqualTo(2);
        assertThat(later.getCountAtValue(1_000)).isEqualTo(2);
    }

    @Test
    void aSharedOneCountsTheSame() {
        HeldValue shared = new HeldValue(true);
        shared.set(7);
        shared.hold();
        shared.hold();

        assertThat(shared.flushInto(histogram)).isEqualTo(14);
        assertThat(histogram.getTotalCount()).isEqualTo(2);
    }
}
