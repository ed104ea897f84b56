package paragent.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideTest {

    private static final List<Side> ALL = List.of(Side.NONE, Side.DEFAULT, Side.FLAME);

    @Test
    void everySideRunsInEveryPositionOnceEveryThreeRounds() {
        assertThat(Side.order(ALL, 0)).containsExactly(Side.NONE, Side.DEFAULT, Side.FLAME);
        assertThat(Side.order(ALL, 1)).containsExactly(Side.DEFAULT, Side.FLAME, Side.NONE);
        assertThat(Side.order(ALL, 2)).containsExactly(Side.FLAME, Side.NONE, Side.DEFAULT);
        assertThat(Side.order(ALL, 3)).isEqualTo(Side.order(ALL, 0));
        assertThat(Side.order(ALL, -1)).isEqualTo(Side.order(ALL, 2));
    }

    @Test
    void twoSidesAlternateLikeABBA() {
        List<Side> two = List.of(Side.NONE, Side.DEFAULT);

        assertThat(Side.order(two, 0)).containsExactly(Side.NONE, Side.DEFAULT);
        assertThat(Side.order(two, 1)).containsExactly(Side.DEFAULT, Side.NONE);
    }

    @Test
    void sidesParseInTheGivenOrderAndMustIncludeNone() {
        assertThat(Side.parseAll("default,none,flame")).containsExactly(Side.DEFAULT, Side.NONE, Side.FLAME);
        assertThatThrownBy(() -> Side.parseAll("default,flame")).hasMessageContaining("'none'");
        assertThatThrownBy(() -> Side.parseAll("none,none")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Side.parseAll("none,jfr")).hasMessageContaining("unknown side 'jfr'");
    }

    @Test
    void flameAddsItsOptionBeforeTheUsersOnes() {
        assertThat(Side.FLAME.agentOptions("")).isEqualTo("flame=cpu+wall");
        assertThat(Side.FLAME.agentOptions("interval=20ms")).isEqualTo("flame=cpu+wall,interval=20ms");
        assertThat(Side.DEFAULT.agentOptions("interval=20ms")).isEqualTo("interval=20ms");
        assertThat(Side.NONE.withAgent()).isFalse();
    }
}
