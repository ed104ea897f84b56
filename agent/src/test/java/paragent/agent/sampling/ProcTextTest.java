package paragent.agent.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTextTest {

    @TempDir
    Path dir;

    @Test
    void schedstatFieldsAreParsedInOrder() throws Exception {
        ProcText text = read("3990926 1011859 3\n");
        assertThat(text.field(0, 0)).isEqualTo(3_990_926L);
        assertThat(text.field(0, 1)).isEqualTo(1_011_859L);
        assertThat(text.field(0, 2)).isEqualTo(3L);
        assertThat(text.field(0, 3)).isEqualTo(-1L);
    }

    @Test
    void statFieldsAreCountedAfterTheCommandEvenWhenItHoldsSpacesAndParentheses() throws Exception {
        ProcText text = read("4242 (a b) c) S 1 4242 4242 0 -1 4194304 100 0 0 0 27 3 0 0 20 0 1 0 123 4096 1\n");
        int fields = text.after(')');
        assertThat(text.field(fields, 11)).as("utime").isEqualTo(27L);
        assertThat(text.field(fields, 12)).as("stime").isEqualTo(3L);
        assertThat(text.field(fields, 0)).as("the state is not a number").isEqualTo(-1L);
    }

    @Test
    void anOpenFileIsReadAgainFromTheStart() throws Exception {
        Path file = dir.resolve("schedstat");
        Files.writeString(file, "1 2 3\n");
        ProcText text = new ProcText();
        try (FileChannel channel = FileChannel.open(file)) {
            assertThat(text.read(channel)).isTrue();
            Files.writeString(file, "40 50 60\n");
            assertThat(text.read(channel)).isTrue();
        }
        assertThat(text.field(0, 0)).isEqualTo(40L);
        assertThat(text.field(0, 2)).isEqualTo(60L);
    }

    @Test
    void anEmptyFileHasNoFields() throws Exception {
        ProcText text = new ProcText();
        Path file = Files.writeString(dir.resolve("empty"), "");
        assertThat(text.read(file)).isFalse();
        assertThat(text.field(0, 0)).isEqualTo(-1L);
    }

    private ProcText read(String content) throws Exception {
        ProcText text = new ProcText();
        assertThat(text.read(Files.writeString(dir.resolve("file"), content))).isTrue();
        return text;
    }
}
