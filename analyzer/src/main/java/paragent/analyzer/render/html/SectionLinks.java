package paragent.analyzer.render.html;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's section links: every {@code <h2>} of a filled page gets an anchor (its own
 * {@code id}, or one made from its text) and a link in the nav bar that replaces {@link #MARKER}.
 * A section added to the template or rendered by a section class appears in the nav by having an
 * {@code <h2>}; an absent section has no link. {@code data-nav} on the heading gives a shorter link
 * text. Recorded strings cannot forge a heading or the marker: they are escaped before they reach
 * the page. Stateless; thread-safe.
 */
final class SectionLinks {

    /** Put where the nav's links go; a comment, so an unfilled page still shows nothing. */
    static final String MARKER = "<!--section-links-->";

    private static final Pattern HEADING = Pattern.compile("<h2((?:\\s+[a-z-]+=\"[^\"]*\")*)>(.*?)</h2>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SectionLinks() {
    }

    /** @return the page with an id on every {@code <h2>} and the nav's links in place of the marker */
    static String insert(String page) {
        StringBuilder links = new StringBuilder();
        StringBuilder out = new StringBuilder(page.length() + 1024);
        Set<String> ids = new HashSet<>();
        Matcher m = HEADING.matcher(page);
        while (m.find()) {
            String id = null;
            String label = null;
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                if (a.group(1).equals("id")) {
                    id = a.group(2);
                } else if (a.group(1).equals("data-nav")) {
                    label = a.group(2);
                }
            }
            String text = TAG.matcher(m.group(2)).replaceAll("").strip();
            String attributes = m.group(1);
            if (id == null) {
                id = unique(slug(text), ids);
                attributes = " id=\"" + id + "\"" + attributes;
            }
            ids.add(id);
            links.append("<a href=\"#").append(id).append("\">").append(label == null ? text : label).append("</a>");
            m.appendReplacement(out, Matcher.quoteReplacement("<h2" + attributes + ">" + m.group(2) + "</h2>"));
        }
        m.appendTail(out);
        int at = out.indexOf(MARKER);
        return at < 0 ? out.toString() : out.replace(at, at + MARKER.length(), links.toString()).toString();
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
