package paragent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import paragent.agent.flame.FlameMode;

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
        assertThat(options.children()).isFalse();
        assertThat(options.flame()).isEmpty();
        assertThat(options.runId()).isNull();
        assertThat(options.parentPid()).isEqualTo(-1);
        assertThat(options.isChild()).isFalse();
        assertThat(options.errors()).isEmpty();
    }

    @Test
    void theInternalKeysOfAChildJvmAreAcceptedAndMakeItAChild() {
        AgentOptions options = AgentOptions.parse("children,runId=4242-1700000000000,parentPid=4242");
        assertThat(options.errors()).isEmpty();
        assertThat(options.children()).isTrue();
        assertThat(options.runId()).isEqualTo("4242-1700000000000");
        assertThat(options.parentPid()).isEqualTo(4242);
        assertThat(options.isChild()).isTrue();
    }

    @Test
    void malformedInternalKeysAreReported() {
        assertThat(AgentOptions.parse("runId=a b,parentPid=0,parentPid=x,runId").errors()).containsExactly(
                "option 'runId' (set by paragent for child JVMs) needs letters, digits, '-', '_' or '.', not 'a b'",
                "option 'parentPid' (set by paragent for child JVMs) needs a process id, not '0'",
                "option 'parentPid' (set by paragent for child JVMs) needs a process id, not 'x'",
                "option 'runId' needs a value, e.g. runId=4242-1700000000000");
    }

    @Test
    void aChildGetsTheRecordingOnlyInTheSameDirectoryWithTheRunAndItsParent() {
        AgentOptions parent = AgentOptions.parse("children,html,duration=30s,threshold=500us,out=rel");
        String child = parent.childOptions(Path.of("/tmp/reports"), "7-99", 7);
        assertThat(child).isEqualTo("out=/tmp/reports,jfr,quiet,children,threshold=500000ns,interval=10000000ns,"
                + "flame=off,runId=7-99,parentPid=7");
        AgentOptions parsed = AgentOptions.parse(child);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.jfr()).isTrue();
        assertThat(parsed.html()).isFalse();
        assertThat(parsed.json()).isFalse();
        assertThat(parsed.quiet()).isTrue();
        assertThat(parsed.duration()).isNull();
        assertThat(parsed.children()).isTrue();
        assertThat(parsed.threshold()).isEqualTo(parent.threshold());
        assertThat(parsed.interval()).isEqualTo(parent.interval());
        assertThat(parsed.outDir()).isEqualTo(Path.of("/tmp/reports"));
        assertThat(parsed.isChild()).isTrue();
    }

    @Test
    void anOutputDirectoryWithACommaCannotBePassedToChildren() {
        assertThatThrownBy(() -> AgentOptions.parse("children").childOptions(Path.of("/tmp/a,b"), "1-2", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/tmp/a,b");
    }

    @Test
    void theWeaveCacheIsOnInTheDefaultDirectoryUnlessNamedOrOffAndChildrenInheritIt() {
        AgentOptions defaults = AgentOptions.parse("children");
        assertThat(defaults.cache()).isTrue();
        assertThat(defaults.cacheDir()).isNull();
        assertThat(defaults.childOptions(Path.of("/tmp"), "1-2", 1)).doesNotContain("cache");

        AgentOptions named = AgentOptions.parse("cache=/tmp/weave");
        assertThat(named.cache()).isTrue();
        assertThat(named.cacheDir()).isEqualTo(Path.of("/tmp/weave"));
        assertThat(AgentOptions.parse(named.childOptions(Path.of("/tmp"), "1-2", 1)).cacheDir())
                .isEqualTo(Path.of("/tmp/weave"));

        AgentOptions off = AgentOptions.parse("cache=off");
        assertThat(off.errors()).isEmpty();
        assertThat(off.cache()).isFalse();
        assertThat(AgentOptions.parse(off.childOptions(Path.of("/tmp"), "1-2", 1)).cache()).isFalse();

        assertThat(AgentOptions.parse("cache").errors()).containsExactly("option 'cache' needs a value, e.g. cache=/tmp/weave");
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
                "unknown option 'colour' (valid: out, html, json, jfr, quiet, duration, threshold, interval, children, flame, cache)",
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

    @Test
    void flameTakesOffOrModesAndChildrenInheritIt() {
        assertThat(AgentOptions.parse("flame=off").flame()).isEmpty();
        AgentOptions all = AgentOptions.parse("flame=lock+cpu+wall");
        assertThat(all.flame()).containsExactly(FlameMode.CPU, FlameMode.WALL, FlameMode.LOCK);
        assertThat(AgentOptions.parse(all.childOptions(Path.of("/tmp"), "1-2", 1)).flame())
                .containsExactly(FlameMode.CPU, FlameMode.WALL, FlameMode.LOCK);
        assertThat(AgentOptions.parse(AgentOptions.parse("flame=off").childOptions(Path.of("/tmp"), "1-2", 1))
                .flame()).isEmpty();
    }

    @Test
    void anUnknownFlameModeIsOneErrorAndTheDefaultApplies() {
        AgentOptions options = AgentOptions.parse("flame=cpu+cycles");
        assertThat(options.errors()).containsExactly("option 'flame' has an unknown mode 'cycles' (use off, or cpu,"
                + " wall, lock joined by '+', e.g. flame=cpu+wall+lock)");
        assertThat(options.flame()).isEmpty();
        assertThat(AgentOptions.parse("flame").errors()).containsExactly(
                "option 'flame' needs a value, e.g. flame=cpu+wall+lock");
    }
}
