package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TimelineBuilder#sortByTime} orders samples as a stable sort of (time, value) pairs by time does. */
class SortByTimeTest {

    @Test
    void sortsLikeAStableSortOfThePairs() {
        Random random = new Random(42);
        for (int n : new int[] {0, 1, 2, 3, 7, 64, 1_000, 4_097}) {
            long[] times = new long[n];
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = random.nextInt(Math.max(1, n / 4)); // many ties
                values[i] = i;
            }
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new long[] {times[i], values[i]};
            }
            Arrays.sort(pairs, Comparator.comparingLong(p -> p[0]));

            TimelineBuilder.sortByTime(times, values);

            for (int i = 0; i < n; i++) {
                assertThat(new long[] {times[i], values[i]}).as("n=%d, i=%d", n, i).containsExactly(pairs[i]);
            }
        }
    }

    @Test
    void leavesSortedSamplesAsTheyAre() {
        long[] times = {1, 2, 2, 5};
        long[] values = {10, 30, 20, 40};
        TimelineBuilder.sortByTime(times, values);
        assertThat(times).containsExactly(1, 2, 2, 5);
        assertThat(values).containsExactly(10, 30, 20, 40);
    }
}
