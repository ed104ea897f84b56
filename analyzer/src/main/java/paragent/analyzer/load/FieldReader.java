package paragent.analyzer.load;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads one field of recorded events by its position. JFR's {@code RecordedObject.get*(name)}
 * searches the event type's field list for the name on every call, comparing strings; on the events
 * read most ({@code jdk.JavaMonitorEnter}, {@code jdk.ExecutionSample}) that search was the largest
 * part of the collector's time, on JDK 17 and 25 alike. This reader finds the field's position once
 * per event type (JFR makes a type object per chunk; the last {@value #TYPES} are kept) and reads the
 * value with {@code RecordedObject.objectAt(int)}, the package-private accessor the named getters end
 * in, through a private lookup. That needs {@code jdk.jfr/jdk.jfr.consumer} opened to the analyzer:
 * {@code paragent.jar}'s manifest opens it for the CLI ({@code java -jar paragent.jar report}), the
 * build for the tests. The exit report in the program's JVM reads by name: the agent's classes share
 * the application's class loader, and the agent opens nothing to the application. Where it is not
 * open, the reader uses the getter by name, with the same results ({@code FieldReaderTest} compares
 * the two on every field of a real recording).
 *
 * <p>Only for fields whose raw value is what the named getter returns: object fields (threads,
 * classes, stack traces, strings), booleans and signed numbers. An absent field reads as null (0,
 * false). Not thread-safe: each thread uses its own readers.
 */
final class FieldReader {

    /** Event types whose position is remembered. */
    static final int TYPES = 8;

    private static final MethodHandle OBJECT_AT = objectAt();

    private final String name;
    private final EventType[] types = new EventType[TYPES];
    private final int[] positions = new int[TYPES];
    private int next;

    FieldReader(String name) {
        this.name = name;
    }

    /** Whether fields are read by position in this JVM (else by name). */
    static boolean byPosition() {
        return OBJECT_AT != null;
    }

    /** The field's value as the named getter {@code getValue} returns it, or null when the event has no such field. */
    Object value(RecordedEvent event) {
        if (OBJECT_AT == null) {
            return valueByName(event);
        }
        int position = position(event.getEventType());
        if (position < 0) {
            return null;
        }
        try {
            return (Object) OBJECT_AT.invokeExact((RecordedObject) event, position);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read field " + name + " of " + event.getEventType().getName(), t);
        }
    }

    /** The field's value through JFR's getter by name: the fallback, and the reference in tests. */
    Object valueByName(RecordedEvent event) {
        return event.hasField(name) ? event.getValue(name) : null;
    }

    long longValue(RecordedEvent event) {
        return value(event) instanceof Number number ? number.longValue() : 0;
    }

    int intValue(RecordedEvent event) {
        return value(event) instanceof Number number ? number.intValue() : 0;
    }

    boolean booleanValue(RecordedEvent event) {
        return value(event) instanceof Boolean b && b;
    }

    RecordedThread thread(RecordedEvent event) {
        return (RecordedThread) value(event);
    }

    RecordedClass recordedClass(RecordedEvent event) {
        return (RecordedClass) value(event);
    }

    RecordedStackTrace stackTrace(RecordedEvent event) {
        return (RecordedStackTrace) value(event);
    }

    String string(RecordedEvent event) {
        return (String) value(event);
    }

    private int position(EventType type) {
        for (int i = 0; i < TYPES; i++) {
            if (types[i] == type) {
                return positions[i];
            }
        }
        int position = -1;
        List<ValueDescriptor> fields = type.getFields();
        for (int p = 0; p < fields.size(); p++) {
            if (fields.get(p).getName().equals(name)) {
                position = p;
                break;
            }
        }
        types[next] = type;
        positions[next] = position;
        next = (next + 1) % TYPES;
        return position;
    }

    private static MethodHandle objectAt() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(RecordedObject.class, MethodHandles.lookup());
            return lookup.findVirtual(RecordedObject.class, "objectAt", MethodType.methodType(Object.class, int.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not opened to us, or another JDK's internals: read by name
        }
    }
}
