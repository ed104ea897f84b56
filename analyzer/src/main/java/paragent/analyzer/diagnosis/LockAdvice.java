package paragent.analyzer.diagnosis;

import java.util.Locale;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;

/**
 * Chooses the fix that fits a contended lock, from its class and the code that waits for and holds
 * it. Stateless; thread-safe.
 */
final class LockAdvice {

    private LockAdvice() {
    }

    static String advise(LockModel lock) {
        String lockClass = lock.key().lockClass();
        String holder = lock.holderFrames().isEmpty() ? null : Texts.shortFrame(lock.holderFrames().get(0).frame());
        String where = lock.waiterSites().isEmpty() ? null : Texts.shortFrame(lock.waiterSites().get(0).frame());
        // The waiting site is the critical section's entry; the holder's top frame may be a caller loop.
        String code = where != null ? where : holder;
        String methods = ((holder == null ? "" : holder) + " " + (where == null ? "" : where)).toLowerCase(Locale.ROOT);
        String lowerClass = lockClass.toLowerCase(Locale.ROOT);
        String inCode = code == null ? "" : " in " + code;
        if (lock.key().kind() == LockKind.FILE) {
            // The holder is another process: only fewer, shorter acquisitions help.
            return "Lock the file once per batch, not per update" + inCode + ": keep counts local per process"
                    + " and merge them once under the lock";
        }
        if (lowerClass.contains("map") || lowerClass.contains("hashtable")) {
            return "Use ConcurrentHashMap instead of a synchronized map, or shrink the critical section" + inCode;
        }
        if (lowerClass.contains("counter") || methods.matches(".*\\.(increment|inc|add|count|sum|record|tally)\\w*\\b.*")) {
            return "Replace the locked counter with a LongAdder or AtomicLong, or accumulate per thread and"
                    + " combine at the end" + inCode;
        }
        if (lowerClass.endsWith("readwritelock")) {
            return "Readers still wait for writers: shorten the write section" + inCode
                    + ", or use StampedLock optimistic reads";
        }
        if (methods.matches(".*\\.(get|read|lookup|find|contains|load)\\w*\\b.*")) {
            return "The lock mostly guards reads: use a ReadWriteLock or StampedLock, or an immutable snapshot"
                    + " swapped atomically" + inCode;
        }
        return "Shrink the critical section" + inCode + " (move work outside the lock), split the lock,"
                + " or accumulate per thread and combine at the end";
    }
}
