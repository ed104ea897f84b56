package paragent.analyzer.model;

/**
 * A code location and how often (and how long) something happened there. Immutable.
 *
 * @param frame {@code pkg.Class.method(File.java:line)}
 * @param count events or samples at this frame
 * @param waitNanos summed wait at this frame; 0 for execution samples
 */
public record SiteCount(String frame, long count, long waitNanos) {
}
