package paragent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void noOptionsMeansAllThreeReportsInTheWorkingDirectory() {
        AgentOptions options = AgentOptions.parse(null);
        assertThat(options.outDir()).isEqualTo(Path.of("."));
        assertThat(options.html()).isTrue();
        assertThat(options.json()).isTrue();
        assertThat(options.jfr()).isTrue();
        assertThat(options.quiet()).isFalse();
        assertThat(options.duration()).isNull();
        assertThat(options.threshold()).isEqualTo(Duration.ofNanos(10_000));
        assertThat(options.interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(options.errors()).isEmpty();
    }

    @Test
    void namingOneOutputWritesOnlyThatOne() {
        AgentOptions options = AgentOptions.parse("out=/tmp/r,json");
        assertThat(options.outDir()).isEqualTo(Path.of("/tmp/r"));
        assertThat(options.json()).isTrue();
        assertThat(options.html()).isFalse();
        assertThat(options.jfr()).isFalse();
    }

    @Test
    void durationsAcceptTheUsualUnits() {
        assertThat(AgentOptions.parse("duration=30s").duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(AgentOptions.parse("duration=2m").duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(AgentOptions.parse("duration=45").duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(AgentOptions.parse("threshold=500us").threshold()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(AgentOptions.parse("interval=1.5ms").interval()).isEqualTo(Duration.ofNanos(1_500_000));
    }

    @Test
    void unknownAndMalformedOptionsAreReportedAndTheRestStillApply() {
        AgentOptions options = AgentOptions.parse("out=x, colour=blue ,duration=soon,html=maybe,interval=0ms,quiet");
        assertThat(options.errors()).containsExactly(
                "unknown option 'colour' (valid: out, html, json, jfr, quiet, duration, threshold, interval)",
                "option 'duration' needs a duration like 500us, 10ms, 30s or 2m, not 'soon'",
                "option 'html' is a flag: write 'html' or 'html=false', not 'html=maybe'",
                "option 'interval' must be greater than zero");
        assertThat(options.outDir()).isEqualTo(Path.of("x"));
        assertThat(options.quiet()).isTrue();
        assertThat(options.duration()).isNull();
    }

    @Test
    void optionsNeedingAValueSaySo() {
        assertThat(AgentOptions.parse("out").errors()).containsExactly("option 'out' needs a value, e.g. out=/tmp/reports");
        assertThat(AgentOptions.parse("threshold=5 parsecs").errors())
                .containsExactly("option 'threshold' has an unknown unit 'parsecs' in '5 parsecs' (use ns, us, ms, s, m or h)");
    }
}
