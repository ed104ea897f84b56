package paragent.analyzer.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Caps on what the loader keeps event by event, so that the memory an analysis needs does not grow
 * with the length of the recording (a 1 GB recording is analyzed in a 512 MB heap). Totals, counts
 * and histograms are summed over every event and never capped; what is capped is the detail kept
 * for time-resolved views: the intervals and counter readings behind the timeline, the waits kept
 * with their holder (what the holder ran meanwhile), the execution samples kept with their stacks,
 * and the CPU load readings. Past a cap, later events add to the totals only, and the analysis
 * says so in a warning. Mutable; confined to the loading thread.
 */
final class RetentionCaps {

    /**
     * Interval and counter pairs kept over all threads and locks (16 bytes each, at most twice that
     * while a list grows): 3,000,000 is 48-96 MB.
     */
    static final long MAX_PAIRS = 3_000_000;
    /** Execution samples kept with their top frame and stack (stacks are shared): about 24 bytes each. */
    static final long MAX_SAMPLES = 1_000_000;

    private final long maxPairs;
    private final long maxSamples;
    private long pairs;
    private long samples;
    private long droppedPairs;
    private long droppedSamples;

    RetentionCaps() {
        this(MAX_PAIRS, MAX_SAMPLES);
    }

    /** Smaller caps, for tests. */
    RetentionCaps(long maxPairs, long maxSamples) {
        this.maxPairs = maxPairs;
        this.maxSamples = maxSamples;
    }

    /** @return true when one more pair may be kept (and counts it); false past the cap */
    boolean keepPair() {
        if (pairs < maxPairs) {
            pairs++;
            return true;
        }
        droppedPairs++;
        return false;
    }

    /** @return true when one more execution sample may be kept with its stack (and counts it) */
    boolean keepSample() {
        if (samples < maxSamples) {
            samples++;
            return true;
        }
        droppedSamples++;
        return false;
    }

    /** @return one warning per cap that was hit, saying what it left out; empty when none was */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (droppedPairs > 0) {
            warnings.add(String.format(Locale.ROOT, "the recording has more waits, intervals and counter readings"
                    + " than the analysis keeps (%,d); the %,d later ones count in the totals but not in the"
                    + " timeline or the lock holders' frames", maxPairs, droppedPairs));
        }
        if (droppedSamples > 0) {
            warnings.add(String.format(Locale.ROOT, "the recording has more execution samples than the analysis"
                    + " keeps with their stacks (%,d); the %,d later ones count in the CPU times and flame graphs"
                    + " but not in the lock holders' frames or serial sections", maxSamples, droppedSamples));
        }
        return warnings;
    }
}
