package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paragent.gpu.probe.ProbeReport.Crossover;
import paragent.gpu.probe.ProbeReport.OffloadPoint;

class CrossoverFinderTest {

    /** A size of {@code elements} with the given host, offload and copy times. */
    private static OffloadPoint point(long elements, double host, double offload, double copies) {
        return new OffloadPoint(elements, elements * 4, host, offload, copies, offload - copies);
    }

    @Test
    void copiesSlowerThanTheHostAtEverySizeMeanOffloadingNeverPays() {
        Crossover crossover = CrossoverFinder.find("memoryBound", "the memory-bound kernel (vector add)", 2,
                List.of(point(1024, 1e-5, 5e-5, 4e-5), point(1 << 20, 1e-3, 4e-3, 3e-3)));

        assertThat(crossover.elements()).isNull();
        assertThat(crossover.bytes()).isNull();
        assertThat(crossover.conclusion()).isEqualTo("On this device, offloading the memory-bound kernel (vector add) "
                + "never pays: the copies alone take longer than the host's loop on 2 cores at every size up to "
                + "1,048,576 elements (4 MiB per array; there the device takes 4.00 ms, 3.00 ms of it copying, "
                + "against 1.00 ms on the host).");
    }

    @Test
    void whenOnlyCopiesPlusKernelAreSlowerTheSentenceSaysSo() {
        Crossover crossover = CrossoverFinder.find("computeBound", "the compute-bound kernel", 1,
                List.of(point(1024, 1e-5, 5e-5, 0.5e-5)));
        assertThat(crossover.elements()).isNull();
        assertThat(crossover.conclusion()).contains("never pays: copies plus kernel take longer than the host's loop "
                + "on 1 core at every size up to 1,024 elements");
    }

    @Test
    void theCrossoverIsTheSmallestSizeFromWhichTheDeviceWinsAtEveryLargerSize() {
        Crossover crossover = CrossoverFinder.find("computeBound", "the compute-bound kernel", 4, List.of(
                point(1 << 20, 1e-2, 2e-3, 1e-3),
                point(1024, 1e-5, 0.5e-5, 0.1e-5), // a lucky small size: the device loses at the next one
                point(4096, 4e-5, 6e-5, 1e-5),
                point(16384, 2e-4, 1e-4, 0.5e-4)));

        assertThat(crossover.elements()).isEqualTo(16384);
        assertThat(crossover.bytes()).isEqualTo(65536);
        assertThat(crossover.points()).extracting(OffloadPoint::elements).containsExactly(1024L, 4096L, 16384L, 1L << 20);
        assertThat(crossover.conclusion()).isEqualTo("On this device, offloading the compute-bound kernel pays from "
                + "16,384 elements (64 KiB per array): there the device takes 100 µs for copies and kernel against "
                + "200 µs for the host's loop on 4 cores; below that size the copies and the launch cost more than "
                + "they save.");
    }

    @Test
    void aDeviceFasterAtEverySizePaysFromTheSmallest() {
        Crossover crossover = CrossoverFinder.find("computeBound", "the compute-bound kernel", 4,
                List.of(point(1024, 1e-3, 1e-4, 1e-5), point(4096, 4e-3, 2e-4, 2e-5)));
        assertThat(crossover.elements()).isEqualTo(1024);
        assertThat(crossover.conclusion()).startsWith("On this device, offloading the compute-bound kernel pays at "
                + "every size measured, from 1,024 elements (4 KiB per array)");
    }

    @Test
    void theHeadlineIsTheEarliestCrossoverElseTheFirstKernel() {
        Crossover never = new Crossover("memoryBound", null, null, "never", List.of(point(1, 1, 2, 1)));
        Crossover late = new Crossover("a", 4096L, 16384L, "late", List.of(point(1, 1, 2, 1)));
        Crossover early = new Crossover("b", 1024L, 4096L, "early", List.of(point(1, 1, 2, 1)));
        assertThat(ProbeJson.headline(List.of(never, late, early))).isSameAs(early);
        assertThat(ProbeJson.headline(List.of(never))).isSameAs(never);
    }
}
