package paragent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsArraysStringsNumbersBooleansAndNull() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) JsonReader.read("""
                {"schema": "paragent/summary@1", "n": -1.5e2, "ok": true, "no": false, "none": null,
                 "list": [1, "a\\"b\\\\c\\u00e9\\n", {}, []]}
                """);

        assertThat(value).containsExactly(Map.entry("schema", "paragent/summary@1"), Map.entry("n", -150.0),
                Map.entry("ok", true), Map.entry("no", false), new java.util.AbstractMap.SimpleEntry<>("none", null),
                Map.entry("list", List.of(1.0, "a\"b\\cé\n", Map.of(), List.of())));
        assertThat(JsonReader.read(" [null, 2] ")).isEqualTo(Arrays.asList(null, 2.0));
    }

    @Test
    void malformedTextSaysWhere() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\": 1,}")).hasMessage("expected a field name at character 8");
        assertThatThrownBy(() -> JsonReader.read("[1 2]")).hasMessage("expected ',' or ']' at character 4");
        assertThatThrownBy(() -> JsonReader.read("\"open")).hasMessageStartingWith("unterminated string");
        assertThatThrownBy(() -> JsonReader.read("hello")).hasMessageStartingWith("unexpected character 'h'");
        assertThatThrownBy(() -> JsonReader.read("{} x")).hasMessageStartingWith("text after the JSON value");
        assertThatThrownBy(() -> JsonReader.read("")).hasMessageStartingWith("unexpected end");
    }
}
