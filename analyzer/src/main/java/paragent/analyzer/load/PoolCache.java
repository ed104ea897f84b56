package paragent.analyzer.load;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A value derived from a constant-pool object (a stack trace, a thread) once per object rather than
 * once per event: JFR keeps each stack and thread once in a chunk's constant pool, and the parser
 * gives every event that refers to it the same object, so the cache is keyed by identity (no field
 * is decoded to look it up; each field access of a recorded object is a search by name). At most
 * {@link #MAX_OBJECTS} are held; past that the cache starts over, which also lets the objects of
 * earlier chunks go. Not thread-safe; confined to the loading thread.
 *
 * @param <K> the pool object's type
 * @param <V> what is derived; null is a value like any other
 */
final class PoolCache<K, V> {

    /** Objects held at a time: a few MB, and more than most chunks have. */
    static final int MAX_OBJECTS = 10_000;

    private final Map<K, V> values = new IdentityHashMap<>();
    private final Function<K, V> derive;

    /** @param derive computes the value of an object; also called with null for an event without one */
    PoolCache(Function<K, V> derive) {
        this.derive = derive;
    }

    V get(K object) {
        if (object == null) {
            return derive.apply(null);
        }
        V value = values.get(object);
        if (value == null && !values.containsKey(object)) {
            if (values.size() >= MAX_OBJECTS) {
                values.clear();
            }
            value = derive.apply(object);
            values.put(object, value);
        }
        return value;
    }
}
