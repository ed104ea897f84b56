package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.flame.FlameGraph;
import paragent.analyzer.flame.FlameGraphs;
import paragent.analyzer.flame.FlameNode;
import paragent.analyzer.render.json.JsonStrings;

/**
 * The report's "Flame graphs" section: what recorded the stacks and any fallback, then one
 * interactive graph per {@link FlameGraph} (search, zoom on click, reset, a tooltip per frame),
 * drawn by the static {@code flame.js} from a {@code <script type="application/json">} block. The
 * data block is inert under the report's Content-Security-Policy; every {@code <}, {@code >} and
 * {@code &} in it is a JSON escape, so a frame name cannot end the block. Stateless; thread-safe.
 *
 * <p>Size: a graph has at most {@link paragent.analyzer.flame.FlameTrees#MAX_NODES} nodes, each
 * five numbers and a frame name of at most {@link #MAX_NAME_CHARS} characters (names are listed
 * once per graph), so a graph's block is at most about 2,000 × (300 + 40) bytes ≈ 680 KB, typically
 * tens of KB.
 */
final class FlameGraphSection {

    /** Frame names longer than this are cut in the middle, to bound the page. */
    static final int MAX_NAME_CHARS = 300;

    private FlameGraphSection() {
    }

    /** @return the section, heading included */
    static String render(FlameGraphs flames) {
        StringBuilder html = new StringBuilder("<h2 id=\"flame-graphs\">Flame graphs</h2>\n");
        if (flames.graphs().isEmpty()) {
            html.append("<p class=\"note\">The recording holds no stacks for flame graphs: run it under the paragent"
                    + " agent (<code>flame=cpu+wall</code>), or record <code>jdk.ExecutionSample</code>.</p>\n");
            return appendNote(html, flames).toString();
        }
        html.append("<p class=\"flame-engine\">Stacks from <strong>").append(escape(flames.engine())).append("</strong>");
        if (!flames.modes().isEmpty()) {
            html.append(" · modes <code>").append(escape(flames.modes())).append("</code>");
        }
        if (!flames.cpuEvent().isEmpty()) {
            html.append(" · CPU event <code>").append(escape(flames.cpuEvent())).append("</code>");
        }
        html.append(". Click a frame to zoom into it; search highlights matching frames.</p>\n");
        appendNote(html, flames);
        for (FlameGraph graph : flames.graphs()) {
            graph(html, graph);
        }
        return html.toString();
    }

    /** @return the link from a LOCK_CONTENTION finding to its lock's graph, as a definition; "" when none */
    static String findingLink(Finding finding, FlameGraphs flames) {
        if (finding.kind() != FindingKind.LOCK_CONTENTION) {
            return "";
        }
        return flames.lockGraph(finding.subject())
                .map(g -> "<dt>stacks</dt><dd><a href=\"#" + escape(g.id()) + "\">flame graph of the waiting stacks</a>"
                        + "</dd>\n")
                .orElse("");
    }

    private static StringBuilder appendNote(StringBuilder html, FlameGraphs flames) {
        if (!flames.note().isEmpty()) {
            html.append("<p class=\"note flame-note\">").append(escape(flames.note())).append("</p>\n");
        }
        return html;
    }

    private static void graph(StringBuilder html, FlameGraph graph) {
        boolean lock = "lock".equals(graph.kind());
        html.append("<div class=\"flame\" id=\"").append(escape(graph.id())).append("\">\n<h3>")
                .append(escape(graph.title())).append("</h3>\n<p class=\"meta\">")
                .append(escape(graph.source())).append(" · ")
                .append(String.format(Locale.ROOT, "%,d %s", graph.samples(), lock ? "waits" : "samples"))
                .append(" · ").append(escape(Texts.duration(graph.weightNanos()))).append(lock ? " waiting" : "")
                .append("</p>\n<div class=\"flame-tools\"><input type=\"search\" class=\"flame-search\""
                        + " placeholder=\"search frames\" aria-label=\"search frames\">"
                        + " <button type=\"button\" class=\"flame-reset\">reset zoom</button>"
                        + " <span class=\"flame-matched\"></span></div>\n<div class=\"flame-chart\"></div>\n"
                        + "<script type=\"application/json\" class=\"flame-data\">")
                .append(data(graph)).append("</script>\n</div>\n");
    }

    /**
     * {@code {"unit":"samples"|"waits","names":[...],"nodes":[depth,name,weight,self,samples,...]}}:
     * the nodes in pre-order, five numbers each, {@code name} an index into {@code names}.
     */
    static String data(FlameGraph graph) {
        Map<String, Integer> names = new LinkedHashMap<>();
        StringBuilder nodes = new StringBuilder();
        Deque<Placed> todo = new ArrayDeque<>();
        todo.push(new Placed(graph.root(), 0));
        while (!todo.isEmpty()) {
            Placed next = todo.pop();
            FlameNode node = next.node();
            int depth = next.depth();
            int name = names.computeIfAbsent(cut(node.name()), n -> names.size());
            if (nodes.length() > 0) {
                nodes.append(',');
            }
            nodes.append(depth).append(',').append(name).append(',').append(node.weight()).append(',')
                    .append(node.selfWeight()).append(',').append(node.samples());
            for (int i = node.children().size() - 1; i >= 0; i--) {
                todo.push(new Placed(node.children().get(i), depth + 1));
            }
        }
        StringBuilder json = new StringBuilder("{\"unit\":\"")
                .append("lock".equals(graph.kind()) ? "waits" : "samples").append("\",\"names\":[");
        boolean first = true;
        for (String name : names.keySet()) {
            json.append(first ? "" : ",");
            appendScriptSafe(json, name);
            first = false;
        }
        return json.append("],\"nodes\":[").append(nodes).append("]}").toString();
    }

    /** A node still to write, and its depth in the graph. */
    private record Placed(FlameNode node, int depth) {
    }

    private static String cut(String name) {
        if (name == null) {
            return "";
        }
        if (name.length() <= MAX_NAME_CHARS) {
            return name;
        }
        int half = (MAX_NAME_CHARS - 1) / 2;
        return name.substring(0, half) + "…" + name.substring(name.length() - half);
    }


    /** Appends a JSON string in which no character can end or comment the enclosing script element. */
    private static void appendScriptSafe(StringBuilder json, String text) {
        try {
            JsonStrings.append(json, text, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
    }
}
