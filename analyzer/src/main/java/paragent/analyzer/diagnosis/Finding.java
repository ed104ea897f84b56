package paragent.analyzer.diagnosis;

import java.util.List;

/**
 * One cause of lost parallelism, as the JSON contract describes it. Immutable.
 *
 * @param kind the cause
 * @param lostThreadSeconds worker-thread time that did not run useful code because of it
 * @param share {@code lostThreadSeconds / (workerThreads × wallSeconds)}; shares of all findings sum to ≤ 1
 * @param subject the thing: lock class, executor, child command...
 * @param where the code location most responsible, {@code pkg.Class.method(File.java:line)}, or null
 * @param title one sentence
 * @param evidence the numbers behind it
 * @param advice the fix that fits
 * @param detail further lines for the HTML report (may be empty)
 */
public record Finding(FindingKind kind, double lostThreadSeconds, double share, String subject, String where,
                      String title, String evidence, String advice, List<String> detail) {

    public Finding {
        detail = List.copyOf(detail);
    }

    /** @return a copy with another share */
    public Finding withShare(double newShare) {
        return new Finding(kind, lostThreadSeconds, newShare, subject, where, title, evidence, advice, detail);
    }
}
