package paragent.analyzer.model;

/**
 * Garbage-collection pauses and what allocated. Immutable.
 *
 * @param pauses stop-the-world pauses
 * @param pauseSeconds their total length
 * @param collector the name of the collector that paused most, or null
 * @param topAllocatedClass the class with the largest sampled allocation weight, or null
 * @param topAllocationSite its most frequent application allocation site, or null
 * @param topAllocatedShare its share of the sampled allocation weight (0..1)
 */
public record GcModel(long pauses, double pauseSeconds, String collector, String topAllocatedClass,
                      String topAllocationSite, double topAllocatedShare) {

    /** No collections. */
    public static GcModel empty() {
        return new GcModel(0, 0, null, null, null, 0);
    }
}
