package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paragent.demo.DemoConfig;
import paragent.demo.Variant;
import paragent.demo.Workers;
import paragent.demo.gil.GilDemo;
import paragent.demo.gil.GlobalInterpreterLock;

class GilDemoTest {

    private static final double SCALE = 0.01;

    @ParameterizedTest
    @CsvSource({"BOTTLENECK, 1", "BOTTLENECK, 3", "BOTTLENECK, 4", "FIXED, 1", "FIXED, 3", "FIXED, 4"})
    void countsThePrimesBelowTheLimitInBothVariants(Variant variant, int threads) throws InterruptedException {
        long limit = Math.round(GilDemo.DEFAULT_LIMIT * SCALE);
        DemoConfig config = DemoConfig.of(threads, variant, SCALE).withOption("switch-interval", "2");

        assertThat(new GilDemo().run(config).result()).isEqualTo(Long.toString(sievePrimeCount(limit)));
    }

    @Test
    void globalLockAdmitsOneThreadAtATime() throws InterruptedException {
        GlobalInterpreterLock gil = new GlobalInterpreterLock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();

        Workers.runAll("gil-test", 4, index -> {
            for (int i = 0; i < 2_000; i++) {
                gil.acquire();
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                } finally {
                    gil.release();
                }
            }
        });

        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(gil.queueLength()).isZero();
    }

    @Test
    void releaseByANonOwnerIsRejected() {
        GlobalInterpreterLock gil = new GlobalInterpreterLock();

        assertThatThrownBy(gil::release).isInstanceOf(IllegalMonitorStateException.class);
        gil.acquire();
        assertThat(gil.isHeldByCurrentThread()).isTrue();
        gil.release();
        assertThat(gil.isHeldByCurrentThread()).isFalse();
    }

    private static long sievePrimeCount(long limit) {
        boolean[] composite = new boolean[(int) limit];
        long count = 0;
        for (int n = 2; n < limit; n++) {
            if (!composite[n]) {
                count++;
                for (long m = (long) n * n; m < limit; m += n) {
                    composite[(int) m] = true;
                }
            }
        }
        return count;
    }
}
