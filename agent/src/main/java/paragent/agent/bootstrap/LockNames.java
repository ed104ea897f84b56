package paragent.agent.bootstrap;

/**
 * Maps a synchronizer class to the lock class the application wrote: the AQS subclass's
 * enclosing class ({@code ReentrantLock} for {@code ReentrantLock$NonfairSync}), else the class
 * itself. Thread-safe; computed once per class.
 */
public final class LockNames {

    private static final ClassValue<String> LOCK_CLASS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Class<?> enclosing = type.getEnclosingClass();
            return (enclosing != null ? enclosing : type).getName();
        }
    };

    private LockNames() {
    }

    /** The application-level lock class name for a synchronizer class. */
    public static String lockClassOf(Class<?> syncClass) {
        return LOCK_CLASS.get(syncClass);
    }
}
