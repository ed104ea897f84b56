package paragent.analyzer.render.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import paragent.analyzer.diagnosis.FindingKind;
import paragent.analyzer.scaling.CountResult;
import paragent.analyzer.scaling.Fit;
import paragent.analyzer.scaling.RunResult;
import paragent.analyzer.scaling.ScalingReport;
import paragent.analyzer.scaling.SpeedupStack;
import paragent.analyzer.scaling.StackComponent;

/**
 * Writes the {@code paragent/scale@1} JSON contract (docs/JSON.md) of a scaling analysis: the runs,
 * per thread count its times, speedup and speedup stack, the model fits, the findings (as the
 * summary writes them) and the warnings. Numbers are rounded as in the summary; unknowns are null.
 * Stateless; thread-safe.
 */
public final class ScaleJsonRenderer {

    /** The contract's schema identifier. */
    public static final String SCHEMA = "paragent/scale@1";

    private ScaleJsonRenderer() {
    }

    /** @return the report as one JSON document, without a line terminator */
    public static String render(ScalingReport report) {
        StringWriter out = new StringWriter();
        try {
            write(new JsonWriter(out), report);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void write(JsonWriter json, ScalingReport report) throws IOException {
        json.beginObject();
        json.name("schema").value(SCHEMA);
        json.name("command").value(report.command());
        json.name("cores").value(report.cores());
        json.name("runs").beginArray();
        for (RunResult run : report.runs()) {
            run(json, run);
        }
        json.endArray();
        json.name("counts").beginArray();
        for (CountResult count : report.counts()) {
            count(json, count);
        }
        json.endArray();
        json.name("fits").beginObject();
        fit(json, report.amdahl(), "serialFraction");
        fit(json, report.usl(), "sigma", "kappa");
        json.endObject();
        JsonSummaryRenderer.findings(json, report.findings());
        json.name("warnings").beginArray();
        for (String w : report.warnings()) {
            json.value(w);
        }
        json.endArray();
        json.endObject();
    }

    private static void run(JsonWriter json, RunResult run) throws IOException {
        json.beginObject()
                .name("threads").value(run.threads())
                .name("repeat").value(run.repeat())
                .name("recordings").beginArray();
        for (String recording : run.recordings()) {
            json.value(recording);
        }
        json.endArray()
                .name("wallSeconds").value(run.wallSeconds())
                .name("cpuSeconds").value(run.cpuSeconds())
                .name("workerThreads").value(run.workerThreads())
                .name("usefulCpuSeconds").value(run.usefulCpuSeconds())
                .name("lostThreadSeconds").beginObject();
        // Kinds in their declared order, so that two runs' objects read alike.
        for (Map.Entry<FindingKind, Double> e : new TreeMap<>(run.lostThreadSeconds()).entrySet()) {
            json.name(e.getKey().name()).value(e.getValue());
        }
        json.endObject()
                .name("foreignCores").value(run.foreignCores())
                .name("disturbed").value(run.disturbed())
                .endObject();
    }

    private static void count(JsonWriter json, CountResult c) throws IOException {
        json.beginObject()
                .name("threads").value(c.threads())
                .name("runs").value(c.runs());
        range(json, "wallSeconds", c.wallSeconds(), c.wallMinSeconds(), c.wallMaxSeconds());
        range(json, "speedup", c.speedup(), c.speedupMin(), c.speedupMax());
        json.name("efficiency").value(c.efficiency())
                .name("karpFlatt").value(c.karpFlatt());
        stack(json, c.stack());
        json.endObject();
    }

    private static void range(JsonWriter json, String name, double median, double min, double max) throws IOException {
        json.name(name).beginObject()
                .name("median").value(median)
                .name("min").value(min)
                .name("max").value(max)
                .endObject();
    }

    private static void stack(JsonWriter json, SpeedupStack s) throws IOException {
        json.name("stack").beginObject()
                .name("ideal").value(s.ideal())
                .name("achieved").value(s.achieved())
                .name("unexplained").value(s.unexplained())
                .name("spread").value(s.spread())
                .name("note").value(s.note())
                .name("components").beginArray();
        for (StackComponent c : s.components()) {
            json.beginObject()
                    .name("cause").value(c.cause())
                    .name("speedup").value(c.speedup())
                    .name("lostThreadSeconds").value(c.lostThreadSeconds())
                    .name("withinSpread").value(c.withinSpread())
                    .endObject();
        }
        json.endArray().endObject();
    }

    /** Writes the fit under its model's name, with the named parameters first (null when not fitted). */
    private static void fit(JsonWriter json, Fit fit, String... parameters) throws IOException {
        json.name(fit.model()).beginObject();
        for (String p : parameters) {
            json.name(p).value(fit.parameters().get(p));
        }
        json.name("rSquared").value(fit.rSquared())
                .name("bestThreads").value(fit.bestThreads())
                .name("ceiling").value(fit.ceiling())
                .name("usable").value(fit.usable())
                .name("note").value(fit.note())
                .endObject();
    }
}
