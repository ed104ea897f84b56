package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void bytesUseBinaryUnitsWholeWhenExact() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(4096)).isEqualTo("4 KiB");
        assertThat(Units.bytes(256L << 20)).isEqualTo("256 MiB");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
    }

    @Test
    void secondsAndRatesKeepThreeSignificantDigits() {
        assertThat(Units.seconds(850e-9)).isEqualTo("850 ns");
        assertThat(Units.seconds(12.34e-6)).isEqualTo("12.3 µs");
        assertThat(Units.seconds(4.567e-3)).isEqualTo("4.57 ms");
        assertThat(Units.seconds(1.2)).isEqualTo("1.20 s");
        assertThat(Units.rate(7.123e9, "B/s")).isEqualTo("7.12 GB/s");
        assertThat(Units.rate(512, "FLOP/s")).isEqualTo("512 FLOP/s");
    }

    @Test
    void sizesGrowFourfoldFromFourKibibytesToTheBound() {
        assertThat(Probe.ladder(16L << 20)).containsExactly(4096L, 16384L, 65536L, 262144L, 1L << 20, 4L << 20, 16L << 20);
        assertThat(Probe.ladder(100_000)).containsExactly(4096L, 16384L, 65536L);
        assertThat(Probe.ladder(10)).containsExactly(4096L);
    }
}
