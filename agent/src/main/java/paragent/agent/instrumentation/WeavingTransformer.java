package paragent.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import paragent.agent.internal.Log;

/**
 * The agent's one class-file transformer: every class not named as a target is left alone after one
 * hash lookup; a target's woven bytes come from the {@link WeaveCache} when it holds them (then
 * ByteBuddy is never loaded), else from ByteBuddy's transformer, built at the first miss and called
 * with the same arguments, whose output is then stored. What the JVM gets is ByteBuddy's output
 * either way, byte for byte.
 *
 * <p>A target loaded by the thread while it builds ByteBuddy or weaves another class gets its
 * cached bytes if there are any, else stays as it is — as ByteBuddy itself skips classes loaded
 * during its own work (hence {@code Instrumentations.loadTargets}). Never throws: a failure is one
 * line on stderr and the class stays as it was. Thread-safe: the JVM calls it from any thread
 * that loads a class.
 */
public final class WeavingTransformer implements ClassFileTransformer {

    /** Set while this thread runs ByteBuddy, which may load classes. */
    private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<>();

    /** The targets' internal names ({@code java/lang/Thread}), as the JVM passes them. */
    private final Set<String> targets;
    /** The targets' binary names ({@code java.lang.Thread}), as {@link Class#getName} gives them. */
    private final Set<String> targetClassNames;
    /** Null without a cache ({@code cache=off}, or none could be opened). */
    private final WeaveCache cache;
    private final Supplier<ClassFileTransformer> byteBuddyFactory;
    /** Names of the classes woven, for the detach; at most the targets. */
    private final Set<String> woven = ConcurrentHashMap.newKeySet();
    private volatile ClassFileTransformer byteBuddy;

    /**
     * @param targets          the binary names of the classes to weave
     * @param byteBuddyFactory builds ByteBuddy's transformer; called at most once
     */
    WeavingTransformer(Collection<String> targets, WeaveCache cache, Supplier<ClassFileTransformer> byteBuddyFactory) {
        Set<String> internal = new HashSet<>();
        for (String target : targets) {
            internal.add(target.replace('.', '/'));
        }
        this.targets = Set.copyOf(internal);
        this.targetClassNames = Set.copyOf(targets);
        this.cache = cache;
        this.byteBuddyFactory = byteBuddyFactory;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfileBuffer) {
        if (className == null || !targets.contains(className)) {
            return null;
        }
        try {
            byte[] result = weave(module, loader, className, classBeingRedefined, domain, classfileBuffer);
            if (result != null) {
                woven.add(className.replace('/', '.'));
            }
            return result;
        } catch (Throwable t) {
            Log.failure("could not instrument " + className.replace('/', '.'), t);
            return null;
        }
    }

    private byte[] weave(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfileBuffer) throws Exception {
        Path entry = cache == null ? null : cache.entry(className, classBeingRedefined != null, classfileBuffer);
        byte[] cached = entry == null ? null : cache.load(entry);
        if (cached != null || WEAVING.get() != null) {
            return cached;
        }
        WEAVING.set(Boolean.TRUE);
        try {
            byte[] result = byteBuddy().transform(module, loader, className, classBeingRedefined, domain,
                    classfileBuffer);
            if (result != null && entry != null) {
                cache.store(entry, result);
            }
            return result;
        } finally {
            WEAVING.remove();
        }
    }

    /** Builds ByteBuddy's transformer now rather than at the first miss. */
    void prepareByteBuddy() {
        byteBuddy();
    }

    private ClassFileTransformer byteBuddy() {
        ClassFileTransformer transformer = byteBuddy;
        if (transformer == null) {
            synchronized (this) {
                transformer = byteBuddy;
                if (transformer == null) {
                    transformer = byteBuddyFactory.get();
                    byteBuddy = transformer;
                }
            }
        }
        return transformer;
    }

    /** Whether this class's name is a target. */
    boolean isTarget(Class<?> type) {
        return targetClassNames.contains(type.getName());
    }

    /** Whether a class of this name has been woven (from the cache or by ByteBuddy). */
    boolean wasWoven(Class<?> type) {
        return woven.contains(type.getName());
    }

    /** Whether ByteBuddy's transformer was built (for tests: a warm cache never builds it). */
    boolean byteBuddyBuilt() {
        return byteBuddy != null;
    }
}
