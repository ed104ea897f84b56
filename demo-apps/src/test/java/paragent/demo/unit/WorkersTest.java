package paragent.demo.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import paragent.demo.Workers;

class WorkersTest {

    @Test
    void poolNamesItsThreadsAfterTheDemo() throws Exception {
        ThreadPoolExecutor pool = Workers.newPool("demo-x", 2);
        try {
            Future<String> name = pool.submit(() -> Thread.currentThread().getName());

            assertThat(Workers.join(name)).isEqualTo("demo-x-worker-1");
        } finally {
            Workers.stop(pool);
        }
    }

    @Test
    void joinTurnsATaskFailureIntoIllegalStateException() throws InterruptedException {
        ThreadPoolExecutor pool = Workers.newPool("demo-x", 1);
        try {
            Future<Object> failing = pool.submit(() -> {
                throw new ArithmeticException("boom");
            });

            assertThatThrownBy(() -> Workers.join(failing)).isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(ArithmeticException.class);
        } finally {
            Workers.stop(pool);
        }
    }

    @Test
    void stopWaitsUntilThePoolHasTerminated() throws Exception {
        ThreadPoolExecutor pool = Workers.newPool("demo-x", 2);
        Workers.join(pool.submit(() -> 1));

        Workers.stop(pool);

        assertThat(pool.isTerminated()).isTrue();
    }

    @Test
    void sharesDifferByAtMostOneAndAddUp() {
        long total = 0;
        for (int i = 0; i < 7; i++) {
            long share = Workers.shareOf(100, 7, i);
            assertThat(share).isBetween(14L, 15L);
            total += share;
        }
        assertThat(total).isEqualTo(100);
    }
}
