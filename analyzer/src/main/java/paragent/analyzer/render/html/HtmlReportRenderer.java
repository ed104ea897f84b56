package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.durationCell;
import static paragent.analyzer.render.html.Html.escape;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragent.analyzer.Analysis;
import paragent.analyzer.diagnosis.Finding;
import paragent.analyzer.diagnosis.Texts;
import paragent.analyzer.flame.FlameGraphs;
import paragent.analyzer.model.HolderCount;
import paragent.analyzer.model.LockModel;
import paragent.analyzer.model.SiteCount;
import paragent.analyzer.render.TreeTotals;
import paragent.analyzer.render.Verdict;
import paragent.analyzer.tree.MultiAnalysis;
import paragent.analyzer.tree.ProcessNode;
import paragent.analyzer.tree.ProcessTree;

/**
 * Writes one self-contained HTML report (inline CSS and script, no network) from the template
 * {@code report.html}: verdict, section links ({@link SectionLinks}), ranked findings, thread timeline,
 * CPU utilization, per-thread times ({@link ThreadTable}), locks, executors, processes and GC, IPC,
 * GPU use; every table sorts by a clicked column, and every per-row section is bounded (see
 * docs/ARCHITECTURE.md). The report of a process tree leads with the
 * tree's merged findings, the process tree, who talks to whom and, for two runs, their comparison,
 * then shows the root process as a one-process report does. Every string that comes from the recording is
 * HTML-escaped; the one script ({@code report.js}) is static, reads the timeline's data from
 * attributes and writes only text, and a Content-Security-Policy lets no other script run.
 * Stateless; thread-safe.
 */
public final class HtmlReportRenderer {

    /** Waiter sites, holders and holder frames listed per lock. */
    static final int MAX_LIST = 5;
    /** Warnings shown without a click; a longer list starts closed. */
    static final int OPEN_WARNINGS_MAX = 3;
    /** Characters of the command line in the header line, which must leave the verdict in view; all of it is in its tooltip. */
    static final int META_COMMAND_CHARS = 100;

    private static final Template PAGE = Template.resource("/paragent/analyzer/render/html/report.html");
    /** The report's style sheet, shared with the scaling report; the states' colors are added per page. */
    static final String CSS = Template.read("/paragent/analyzer/render/html/report.css")
            + Template.read("/paragent/analyzer/render/html/flame.css");
    private static final String SCRIPT = Template.read("/paragent/analyzer/render/html/report.js")
            + Template.read("/paragent/analyzer/render/html/flame.js");
    private static final String SCRIPT_HASH = "sha256-" + sha256(SCRIPT);

    private HtmlReportRenderer() {
    }

    /** Writes the report of one recording; does not close or flush the writer. */
    public static void render(Analysis analysis, Writer out) throws IOException {
        Map<String, String> slots = processSlots(analysis);
        slots.put("recording", escape(analysis.recordingName()));
        slots.put("meta", escape(meta(analysis)));
        slots.put("command", escape(analysis.jvm().command()));
        slots.put("verdict", escape(Verdict.sentence(analysis)));
        slots.put("verdictClass", analysis.findings().isEmpty() ? " ok" : "");
        slots.put("warnings", warnings(analysis.warnings()));
        slots.put("findings", findings(analysis.findings(), analysis.flames()));
        slots.put("tree", "");
        slots.put("comparison", "");
        slots.put("ipc", IpcSection.render(analysis.ipc()));
        slots.put("scope", "");
        out.write(SectionLinks.insert(PAGE.fill(slots)));
    }

    /**
     * Writes the report of the primary run's process tree, with the comparison of the two runs when
     * there are two; does not close or flush the writer.
     */
    public static void render(MultiAnalysis multi, Writer out) throws IOException {
        ProcessTree tree = multi.primary();
        ProcessNode root = tree.root();
        Map<String, String> slots = processSlots(root.analysis());
        int recordings = multi.runs().stream().mapToInt(r -> r.processes().size()).sum();
        slots.put("recording", escape(root.recordingName() + (recordings > 1 ? " + " + (recordings - 1) + " more" : "")));
        slots.put("meta", escape(treeMeta(tree)));
        slots.put("command", escape(root.command()));
        slots.put("verdict", escape(Verdict.sentence(tree)));
        slots.put("verdictClass", tree.findings().isEmpty() ? " ok" : "");
        slots.put("warnings", warnings(treeWarnings(multi, tree)));
        slots.put("findings", findings(tree.findings(), root.analysis().flames()));
        slots.put("tree", "<h2 id=\"tree\">Process tree</h2>\n" + ProcessTreeSection.render(tree)
                + "<h2 id=\"ipc\" data-nav=\"IPC\">Inter-process communication</h2>\n" + IpcMatrixSection.render(tree));
        slots.put("comparison", ComparisonSection.render(multi.runs()));
        slots.put("ipc", "");
        slots.put("scope", "<p class=\"scope\">The sections below show the root process: "
                + escape(meta(root.analysis())) + ".</p>");
        out.write(SectionLinks.insert(PAGE.fill(slots)));
    }

    /** @return the slots that show one process: its timeline, utilization, threads, pools, processes, locks */
    private static Map<String, String> processSlots(Analysis analysis) {
        Map<String, String> slots = new HashMap<>();
        slots.put("nav", SectionLinks.MARKER);
        slots.put("scriptHash", SCRIPT_HASH);
        slots.put("script", SCRIPT);
        slots.put("css", CSS);
        slots.put("stateCss", StatePalette.css());
        slots.put("timeline", TimelineSection.render(analysis));
        slots.put("gpu", GpuSection.render(analysis.gpu()));
        slots.put("flames", FlameGraphSection.render(analysis.flames()));
        slots.put("utilization", UtilizationSection.render(analysis));
        slots.put("threads", ThreadTable.render(analysis.threads()));
        slots.put("executors", ExecutorTable.render(analysis.executors()));
        slots.put("processes", ProcessSection.render(analysis));
        slots.put("locks", locks(analysis.locks()));
        return slots;
    }

    private static String meta(Analysis a) {
        return String.format(Locale.ROOT, "pid %s · Java %s · %d cores · %s · %.2f s · %d worker thread%s",
                a.jvm().pid() == null ? "?" : a.jvm().pid(), a.jvm().javaVersion() == null ? "?" : a.jvm().javaVersion(),
                a.jvm().availableProcessors(), Html.shortCommand(a.jvm().command(), META_COMMAND_CHARS),
                a.wallSeconds(), a.workerThreads(), a.workerThreads() == 1 ? "" : "s");
    }

    private static String treeMeta(ProcessTree tree) {
        int workers = TreeTotals.workerThreads(tree);
        return String.format(Locale.ROOT, "run %s · %d process%s · %.2f s · %d worker thread%s · %.2f s CPU",
                tree.runId() == null ? "?" : tree.runId(), tree.processes().size(),
                tree.processes().size() == 1 ? "" : "es", tree.wallSeconds(), workers, workers == 1 ? "" : "s",
                TreeTotals.cpuSeconds(tree));
    }

    /** @return the analysis's and the run's warnings, then each process's, naming the process */
    private static List<String> treeWarnings(MultiAnalysis multi, ProcessTree tree) {
        Set<String> warnings = new LinkedHashSet<>(multi.warnings());
        warnings.addAll(tree.warnings());
        for (ProcessNode p : tree.processes()) {
            for (String w : p.analysis().warnings()) {
                warnings.add("pid " + p.pid() + " (" + p.recordingName() + "): " + w);
            }
        }
        return List.copyOf(warnings);
    }

    /** @return the warnings as a list that opens and closes, closed when long, or "" for none */
    static String warnings(List<String> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<details class=\"warnings\"")
                .append(warnings.size() <= OPEN_WARNINGS_MAX ? " open" : "")
                .append(String.format(Locale.ROOT, "><summary>%d warning%s</summary>\n<ul class=\"warnings\">\n",
                        warnings.size(), warnings.size() == 1 ? "" : "s"));
        for (String w : warnings) {
            html.append("<li>").append(escape(w)).append("</li>\n");
        }
        return html.append("</ul>\n</details>").toString();
    }

    /** @return the ranked findings, without links to flame graphs */
    static String findings(List<Finding> findings) {
        return findings(findings, FlameGraphs.empty());
    }

    /**
     * @return the ranked findings with share, subject, where, lost time, evidence, advice, detail and,
     *         for a contended lock, a link to its flame graph
     */
    static String findings(List<Finding> findings, FlameGraphs flames) {
        if (findings.isEmpty()) {
            return "<p>No cause of lost parallelism above the reporting thresholds.</p>";
        }
        StringBuilder html = new StringBuilder();
        int rank = 1;
        for (Finding f : findings) {
            html.append("<div class=\"finding\">\n<span class=\"share\">").append(escape(Texts.percent(f.share())))
                    .append("</span>\n<h3>").append(rank++).append(". ").append(escape(f.kind().name())).append(": ")
                    .append(escape(f.title())).append("</h3>\n<dl>\n");
            definition(html, "subject", "<code>" + escape(f.subject()) + "</code>");
            if (f.where() != null) {
                definition(html, "where", "<code>" + escape(f.where()) + "</code>");
            }
            definition(html, "lost", escape(String.format(Locale.ROOT, "%.2f thread-seconds", f.lostThreadSeconds())));
            definition(html, "evidence", escape(f.evidence()));
            definition(html, "advice", escape(f.advice()));
            html.append(FlameGraphSection.findingLink(f, flames));
            if (!f.detail().isEmpty()) {
                StringBuilder list = new StringBuilder("<ul class=\"compact\">");
                for (String line : f.detail()) {
                    list.append("<li>").append(escape(line)).append("</li>");
                }
                definition(html, "detail", list.append("</ul>").toString());
            }
            html.append("</dl>\n</div>\n");
        }
        return html.toString();
    }

    private static void definition(StringBuilder html, String term, String valueHtml) {
        html.append("<dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static String locks(List<LockModel> locks) {
        if (locks.isEmpty()) {
            return "<p>No contended lock was recorded.</p>";
        }
        StringBuilder html = new StringBuilder("<table>\n<tr><th>lock</th><th class=\"num\">waits</th>"
                + "<th class=\"num\">total wait</th><th class=\"num\">p50</th><th class=\"num\">p99</th>"
                + "<th class=\"num\">max</th><th>waiter sites</th><th>holders</th><th>holders' hottest frames</th></tr>\n");
        for (LockModel lock : Html.firstRows(locks)) {
            html.append("<tr><td><code>").append(escape(lock.key().lockClass())).append("</code><br><small>")
                    .append(lock.key().kind().name().toLowerCase(Locale.ROOT))
                    .append(lock.key().identity().isEmpty() ? "" : " @" + escape(lock.key().identity()))
                    .append("</small></td>")
                    .append("<td class=\"num\">").append(String.format(Locale.ROOT, "%,d", lock.waits().count())).append("</td>")
                    .append(durationCell(lock.waits().totalNanos())).append(durationCell(lock.waits().p50Nanos()))
                    .append(durationCell(lock.waits().p99Nanos())).append(durationCell(lock.waits().maxNanos()))
                    .append("<td>").append(sites(lock.waiterSites(), true)).append("</td><td><ul class=\"compact\">");
            for (HolderCount h : lock.holders().subList(0, Math.min(MAX_LIST, lock.holders().size()))) {
                html.append("<li>").append(escape(h.threadName())).append(": ")
                        .append(String.format(Locale.ROOT, "%,d", h.waitsCaused())).append(" waits</li>");
            }
            html.append("</ul></td><td>").append(sites(lock.holderFrames(), false)).append("</td></tr>\n");
        }
        return html.append("</table>").append(Html.moreRows(locks.size(), "locks")).toString();
    }

    private static String sites(List<SiteCount> sites, boolean withWait) {
        StringBuilder html = new StringBuilder("<ul class=\"compact\">");
        for (SiteCount s : sites.subList(0, Math.min(MAX_LIST, sites.size()))) {
            html.append("<li><span class=\"frame\">").append(escape(s.frame())).append("</span>: ")
                    .append(String.format(Locale.ROOT, "%,d", s.count()))
                    .append(withWait ? ", " + escape(Texts.duration(s.waitNanos())) : " samples").append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
