package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTicksTest {

    private static final String PROC_STAT = """
            cpu  3215724 238 531705 1368285 2977 11 20346 5 0 0
            cpu0 1602640 104 262537 693257 895 0 10157 0 0 0
            intr 1 2 3
            """;

    @Test
    void busyTicksAddUserNiceSystemIrqSoftirqAndStealButNotIdleOrIowait() {
        assertThat(CpuTicks.busyTicks(PROC_STAT)).isEqualTo(3215724L + 238 + 531705 + 11 + 20346 + 5);
    }

    @Test
    void childrenTicksAreCutimePlusCstimeEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) app) S 1 4242 4242 0 -1 4194304 129 0 0 0 7 8 300 45 20 0 1 0 2579405 3133440";

        assertThat(CpuTicks.childrenTicks(stat)).isEqualTo(345);
    }

    @Test
    void thisMachinesProcFilesParseWhenPresent() {
        CpuTicks now = CpuTicks.read();

        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/stat"))) {
            assertThat(now).isNotNull();
            assertThat(now.busyTicks()).isPositive();
            assertThat(now.childrenTicks()).isNotNegative();
        } else {
            assertThat(now).isNull();
        }
    }

    @Test
    void foreignCoresAreTheBusyTimeTheChildrenDidNotUseOverTheWallTime() {
        CpuTicks before = new CpuTicks(1000, 50);
        CpuTicks after = new CpuTicks(1000 + 450, 50 + 250);

        assertThat(CpuTicks.foreignCores(before, after, 2.0)).isEqualTo(1.0);
    }

    @Test
    void foreignCoresAreNeverNegativeAndUnknownWithoutCounters() {
        assertThat(CpuTicks.foreignCores(new CpuTicks(0, 0), new CpuTicks(100, 120), 1.0)).isZero();
        assertThat(CpuTicks.foreignCores(null, new CpuTicks(100, 0), 1.0)).isNull();
        assertThat(CpuTicks.foreignCores(new CpuTicks(0, 0), null, 1.0)).isNull();
    }
}
