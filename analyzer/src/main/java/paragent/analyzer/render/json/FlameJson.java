package paragent.analyzer.render.json;

import java.io.IOException;
import paragent.analyzer.flame.FlameGraph;
import paragent.analyzer.flame.FlameGraphs;

/**
 * Writes the summary's {@code flameGraphs} object (docs/JSON.md): what recorded the stacks and one
 * entry per graph, without its frames (those are in the HTML report). Stateless; thread-safe.
 */
final class FlameJson {

    private FlameJson() {
    }

    static void flameGraphs(JsonWriter json, FlameGraphs flames) throws IOException {
        json.name("flameGraphs").beginObject()
                .name("engine").value(flames.engine())
                .name("modes").value(flames.modes())
                .name("cpuEvent").value(flames.cpuEvent())
                .name("note").value(flames.note())
                .name("graphs").beginArray();
        for (FlameGraph g : flames.graphs()) {
            json.beginObject()
                    .name("id").value(g.id())
                    .name("title").value(g.title())
                    .name("kind").value(g.kind())
                    .name("source").value(g.source())
                    .name("subject").value(g.subject())
                    .name("samples").value(g.samples())
                    .name("weightNanos").value(g.weightNanos())
                    .endObject();
        }
        json.endArray().endObject();
    }
}
