package paragent.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import paragent.gpu.probe.ProbeOptions.UsageException;

class ProbeOptionsTest {

    @Test
    void noOptionsMeanTheFullPlanOnTheDefaultDeviceWithoutFiles() throws Exception {
        ProbeOptions options = ProbeOptions.parse();
        assertThat(options).isEqualTo(new ProbeOptions(null, null, null, false, false));
        assertThat(options.maxBytes()).isEqualTo(256L << 20);
        assertThat(options.repeats()).isEqualTo(10);
        assertThat(options.warmups()).isEqualTo(2);
    }

    @Test
    void everyOptionIsReadInBothSpellings() throws Exception {
        assertThat(ProbeOptions.parse("--device", "2", "--json", "p.json", "-o", "p.html", "--quick"))
                .isEqualTo(new ProbeOptions(2, Path.of("p.json"), Path.of("p.html"), true, false));
        assertThat(ProbeOptions.parse("--device=1", "--json=a.json", "--output=a.html", "--help"))
                .isEqualTo(new ProbeOptions(1, Path.of("a.json"), Path.of("a.html"), false, true));
        assertThat(ProbeOptions.parse("-h").help()).isTrue();
    }

    @Test
    void quickIsTheShortPlanOfTheContract() throws Exception {
        ProbeOptions quick = ProbeOptions.parse("--quick");
        assertThat(quick.maxBytes()).isEqualTo(16L << 20);
        assertThat(quick.repeats()).isEqualTo(3);
        assertThat(quick.offloadMaxBytes()).isLessThanOrEqualTo(quick.maxBytes());
    }

    @Test
    void badCommandLinesAreRejectedWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> ProbeOptions.parse("--frobnicate")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--frobnicate'");
        assertThatThrownBy(() -> ProbeOptions.parse("--json")).hasMessage("option '--json' needs a value");
        assertThatThrownBy(() -> ProbeOptions.parse("--device", "gpu"))
                .hasMessage("--device needs a device number (0, 1, ...), not 'gpu'");
        assertThatThrownBy(() -> ProbeOptions.parse("--device", "-1")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ProbeOptions.parse("extra")).hasMessage("unexpected argument 'extra'");
        assertThatThrownBy(() -> ProbeOptions.parse("--quick=yes")).hasMessage("option '--quick' takes no value");
    }
}
