package paragent.analyzer.render.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A page with {@code {{slot}}} markers, filled in one pass: text put into a slot is never scanned
 * for markers again, so recorded strings cannot inject slots. Immutable; thread-safe.
 */
final class Template {

    private final String text;

    private Template(String text) {
        this.text = text;
    }

    static Template resource(String name) {
        return new Template(read(name));
    }

    /** @return a class-path resource's text (UTF-8) */
    static String read(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException for a slot with no value */
    String fill(Map<String, String> slots) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open);
            String slot = text.substring(open + 2, close);
            String value = slots.get(slot);
            if (value == null) {
                throw new IllegalArgumentException("no value for slot " + slot);
            }
            out.append(text, from, open).append(value);
            from = close + 2;
        }
        return out.append(text, from, text.length()).toString();
    }
}
