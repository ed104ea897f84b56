package paragent.analyzer.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockClassesTest {

    @Test
    void aqsSubclassesMapToTheLockTheUserWrote() {
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.locks.ReentrantLock$NonfairSync"))
                .isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.locks.ReentrantReadWriteLock$FairSync"))
                .isEqualTo("java.util.concurrent.locks.ReentrantReadWriteLock");
        assertThat(LockClasses.lockClassOfPark("app.MyLock$Sync")).isEqualTo("app.MyLock");
    }

    @Test
    void latchesBarriersQueuesAndFuturesAreIdleWaits() {
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.CountDownLatch$Sync")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.CyclicBarrier")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.Phaser")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.FutureTask")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.LinkedBlockingQueue")).isNull();
        assertThat(LockClasses.lockClassOfPark("java.util.concurrent.ForkJoinPool")).isNull();
        assertThat(LockClasses.lockClassOfPark(
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject")).isNull();
        assertThat(LockClasses.lockClassOfPark(null)).isNull();
    }

    @Test
    void framesFormatLikeStackTraces() {
        assertThat(Frames.format("paragent.demo.Foo$Bar", "baz", 42)).isEqualTo("paragent.demo.Foo$Bar.baz(Foo.java:42)");
        assertThat(Frames.format("Top", "run", -1)).isEqualTo("Top.run(Top.java)");
        assertThat(Frames.isApplicationClass("paragent.demo.Foo")).isTrue();
        assertThat(Frames.isApplicationClass("paragent.agent.bootstrap.LockAdvice")).isFalse();
        assertThat(Frames.isApplicationClass("com.sun.Foo")).isFalse();
    }

    @Test
    void latchesQueuesAndFuturesAreCoordinationNotLocks() {
        assertThat(LockClasses.isCoordination("java.util.concurrent.CountDownLatch")).isTrue();
        assertThat(LockClasses.isCoordination("java.util.concurrent.CountDownLatch$Sync")).isTrue();
        assertThat(LockClasses.isCoordination("java.util.concurrent.LinkedBlockingQueue")).isTrue();
        assertThat(LockClasses.isCoordination("java.util.concurrent.locks.ReentrantLock")).isFalse();
        assertThat(LockClasses.isCoordination("app.GlobalLock")).isFalse();
        assertThat(LockClasses.isCoordination(null)).isFalse();
    }

    @Test
    void theAgentsRelocatedLibrariesAreNotApplicationCode() {
        assertThat(Frames.isApplicationClass("paragent.shaded.org.HdrHistogram.ConcurrentHistogram")).isFalse();
    }

    @Test
    void aLocksNestedClassesBelongToIt() {
        assertThat(Frames.belongsTo("app.Gil", "app.Gil")).isTrue();
        assertThat(Frames.belongsTo("app.Gil$Sync", "app.Gil")).isTrue();
        assertThat(Frames.belongsTo("app.GilDemo", "app.Gil")).isFalse();
        assertThat(Frames.belongsTo("app.Gil", null)).isFalse();
        assertThat(Frames.methodOf("app.Gil$Sync.acquire(Gil.java:12)")).isEqualTo("app.Gil$Sync.acquire");
    }

    @Test
    void settingDurationsParse() {
        assertThat(ModelBuilder.durationNanos("10 ms")).isEqualTo(10_000_000L);
        assertThat(ModelBuilder.durationNanos("1 s")).isEqualTo(1_000_000_000L);
        assertThat(ModelBuilder.durationNanos("everyChunk")).isZero();
        assertThat(ModelBuilder.javaVersion("OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux"))
                .isEqualTo("17.0.15");
    }
}
