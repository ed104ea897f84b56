package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.testing.Workloads;

/** Past the caps on what is kept event by event, totals stay exact and a warning says what was left out. */
class RetentionCapsTest {

    @Test
    void capsLeaveTotalsExactAndSayWhatTheyLeftOut() throws Exception {
        Path recording = Workloads.paragentLockContention();
        RecordingModel whole = RecordingLoader.load(recording);

        RecordingModel capped = RecordingLoader.load(recording, new RetentionCaps(20, 5));

        assertThat(whole.warnings()).noneMatch(w -> w.contains("than the analysis keeps"));
        assertThat(capped.warnings())
                .anyMatch(w -> w.startsWith("the recording has more waits, intervals and counter readings than the"
                        + " analysis keeps (20); the "))
                .anyMatch(w -> w.startsWith("the recording has more execution samples than the analysis keeps with"
                        + " their stacks (5); the "));
        assertThat(capped.locks()).extracting(LockModel::key).isEqualTo(whole.locks().stream().map(LockModel::key).toList());
        for (int i = 0; i < whole.locks().size(); i++) {
            assertThat(capped.locks().get(i).waits()).isEqualTo(whole.locks().get(i).waits());
            assertThat(capped.locks().get(i).waiters()).isEqualTo(whole.locks().get(i).waiters());
        }
        assertThat(capped.threads()).hasSameSizeAs(whole.threads());
    }

    @Test
    void keepsUpToTheCapThenCountsWhatItDropped() {
        RetentionCaps caps = new RetentionCaps(2, 0);
        ThreadData.LongPairs pairs = new ThreadData.LongPairs(caps);

        pairs.add(10, 15);
        pairs.add(20, 30);
        pairs.add(5, 105);

        assertThat(pairs.pairs()).isEqualTo(2);
        assertThat(pairs.added()).isEqualTo(3);
        assertThat(pairs.sumOfDifferences()).isEqualTo(5 + 10 + 100);
        assertThat(pairs.earliestSecond()).isEqualTo(105);
        assertThat(pairs.latestSecond()).isEqualTo(30);
        assertThat(caps.keepSample()).isFalse();
        assertThat(caps.warnings()).hasSize(2);
    }
}
