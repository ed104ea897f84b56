package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paragent.analyzer.model.LockKind;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.RecordingModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.testing.ParagentEvents;

/**
 * The waiting line of a j.u.c. lock is the application's call of the lock, not a frame of the
 * lock's own implementation; latches are not locks. Real recordings made in the test JVM.
 */
class LockWaitSiteTest {

    /** A hand-written lock, like a global interpreter lock: its acquire() is where the wait happens. */
    static final class HandLock {
        static final class Sync {
            void acquire() {
                ParagentEvents.LockWait e = new ParagentEvents.LockWait();
                e.begin();
                e.lockClass = HandLock.class.getName();
                e.syncClass = Sync.class.getName();
                e.lockId = 7;
                e.commit();
            }
        }

        private final Sync sync = new Sync();

        void acquire() {
            sync.acquire();
        }
    }

    @Test
    void whereIsTheCallerOfTheLocksOwnAcquire(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("hand-lock.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("paragent.LockWait").withStackTrace();
            recording.start();
            callTheLock(new HandLock());
            latchWait();
            recording.stop();
            recording.dump(jfr);
        }

        RecordingModel model = RecordingLoader.load(jfr);

        assertThat(model.locks()).extracting(l -> l.key().lockClass()).containsExactly(HandLock.class.getName());
        LockModel lock = model.locks().get(0);
        assertThat(lock.key().kind()).isEqualTo(LockKind.JUC);
        assertThat(lock.waiterSites()).extracting(SiteCount::frame)
                .singleElement().asString().startsWith(LockWaitSiteTest.class.getName() + ".callTheLock(");
        assertThat(Files.size(jfr)).isPositive();
    }

    /**
     * The agent gives a stack to a sample of a thread's waits: each wait without one is counted at
     * the site of the same thread's latest sampled wait on the same lock; another thread's stack,
     * or another lock's, never stands in.
     */
    @Test
    void aWaitWithoutAStackTakesTheSiteOfTheThreadsLatestSampledWaitOnTheLock(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("sampled.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("paragent.LockWait").withStackTrace();
            recording.enable("paragent.LockWaitNoStack").withoutStackTrace();
            recording.start();
            sampledAtFirstSite(1);
            unsampled(1, 3);
            sampledAtSecondSite(1);
            unsampled(1, 2);
            unsampled(2, 5); // another lock, never sampled on this thread
            Thread other = new Thread(() -> unsampled(1, 4));
            other.start();
            other.join();
            recording.stop();
            recording.dump(jfr);
        }

        RecordingModel model = RecordingLoader.load(jfr);

        LockModel lock1 = lockWithId(model, 1);
        assertThat(lock1.waiterSites()).extracting(s -> s.frame().replaceAll("\\(\\w+\\.java:\\d+\\)$", ""), SiteCount::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LockWaitSiteTest.class.getName() + ".sampledAtFirstSite", 4L),
                        org.assertj.core.groups.Tuple.tuple(LockWaitSiteTest.class.getName() + ".sampledAtSecondSite", 3L),
                        org.assertj.core.groups.Tuple.tuple(LockData.UNKNOWN_SITE, 4L));
        assertThat(lockWithId(model, 2).waiterSites()).extracting(SiteCount::frame, SiteCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LockData.UNKNOWN_SITE, 5L));
    }

    private static LockModel lockWithId(RecordingModel model, int lockId) {
        return model.locks().stream().filter(l -> l.key().identity().equals(Integer.toHexString(lockId)))
                .findFirst().orElseThrow(() -> new AssertionError("no lock " + lockId + " in " + model.locks()));
    }

    private static void sampledAtFirstSite(int lockId) {
        TestLock.stackedWait(lockId);
    }

    private static void sampledAtSecondSite(int lockId) {
        TestLock.stackedWait(lockId);
    }

    private static void unsampled(int lockId, int waits) {
        for (int i = 0; i < waits; i++) {
            ParagentEvents.LockWaitNoStack e = new ParagentEvents.LockWaitNoStack();
            e.begin();
            e.lockClass = TestLock.class.getName();
            e.syncClass = TestLock.class.getName();
            e.lockId = lockId;
            e.commit();
        }
    }

    /** A lock whose own frames the site skips, as it skips ReentrantLock's. */
    static final class TestLock {
        static void stackedWait(int lockId) {
            ParagentEvents.LockWait e = new ParagentEvents.LockWait();
            e.begin();
            e.lockClass = TestLock.class.getName();
            e.syncClass = TestLock.class.getName();
            e.lockId = lockId;
            e.commit();
        }
    }

    private static void callTheLock(HandLock lock) {
        lock.acquire();
    }

    private static void latchWait() {
        ParagentEvents.LockWait e = new ParagentEvents.LockWait();
        e.begin();
        e.lockClass = "java.util.concurrent.CountDownLatch";
        e.syncClass = "java.util.concurrent.CountDownLatch$Sync";
        e.lockId = 8;
        e.shared = true;
        e.commit();
    }
}
