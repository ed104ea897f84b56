package paragent.analyzer.render.html;

import static paragent.analyzer.render.html.Html.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paragent.analyzer.Analysis;
import paragent.analyzer.model.ThreadState;
import paragent.analyzer.model.ThreadTime;
import paragent.analyzer.model.Timeline;

/**
 * The thread timeline: swimlanes of thread states over time. Threads are grouped by
 * {@link ThreadTime#group()}; a group's lane stacks its members' states per bucket and opens
 * ({@code <details>}) to one lane per member. Application groups with workers come first, then the
 * other application groups, then a closed "JVM &amp; agent threads" section. A process that used
 * an OpenCL device gets a GPU lane above the threads ({@link GpuSection#lane}).
 *
 * <p>The lanes are drawn by the report's script from compact attributes, so the page stays small
 * for thousands of threads: a thread lane is one {@link StatePalette#CODES} character per bucket
 * (its dominant state, {@code data-s}); a group lane is, per bucket, each present state's code and
 * its share in 1/{@value #LEVELS} as one base-36 digit, buckets separated by spaces ({@code data-g}).
 * At most {@value #MAX_THREAD_LANES} threads get a lane of their own, at most
 * {@value #MAX_MEMBER_LANES} of them in one group (its busiest), and at most
 * {@value #MAX_GROUP_LANES} groups a group lane; the rest are summed into one "other threads" lane
 * and the report says so. A lane costs about one byte per bucket (thread) or four (group), so the
 * section stays under about 2 MB at the timeline's 300 buckets whatever the number of threads.
 * Stateless; thread-safe.
 */
final class TimelineSection {

    /** Threads shown in a lane of their own, at most. */
    static final int MAX_THREAD_LANES = 1_000;
    /** Members of one group shown in a lane of their own, at most: the rest are in the group's lane only. */
    static final int MAX_MEMBER_LANES = 100;
    /** Groups of several threads shown with a group lane, at most. */
    static final int MAX_GROUP_LANES = 200;
    /** A group lane's shares are quantized to 1/LEVELS of its members' time (one base-36 digit). */
    static final int LEVELS = 20;
    /** Groups with workers and at most this many members start open. */
    static final int OPEN_GROUP_MAX = 16;

    private static final int STATES = ThreadState.values().length;

    private TimelineSection() {
    }

    /** @return the section's HTML: legend, axis and lanes, or a sentence when there is no timeline */
    static String render(Analysis analysis) {
        Timeline timeline = analysis.timeline();
        if (timeline.buckets() == 0) {
            return "<p>No timeline was recorded.</p>";
        }
        List<ThreadTime> threads = analysis.threads().stream()
                .filter(t -> timeline.seconds().containsKey(t.javaId())).toList();
        Budget budget = new Budget();
        String application = lanes(groups(threads, false), timeline, budget);
        List<ThreadTime> internal = threads.stream().filter(ThreadTime::internal).toList();
        String jvm = lanes(groups(threads, true), timeline, budget);
        StringBuilder html = new StringBuilder(StatePalette.legend(
                Arrays.asList(ThreadState.values()).subList(0, ThreadState.NOT_ALIVE.ordinal())));
        if (!analysis.gpu().lane().isEmpty()) {
            html.append(GpuSection.legend());
        }
        if (budget.omitted > 0) {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">%,d of %,d threads are shown in a lane of "
                    + "their own (at most %,d, %,d per group); the group lanes and the &quot;other threads&quot; lane "
                    + "count every thread.</p>\n", threads.size() - budget.omitted, threads.size(), MAX_THREAD_LANES,
                    MAX_MEMBER_LANES));
        }
        html.append(String.format(Locale.ROOT, "<div class=\"timeline\" data-codes=\"%s\" data-colors=\"%s\" "
                        + "data-labels=\"%s\" data-buckets=\"%d\" data-bucket=\"%s\" data-wall=\"%s\" data-levels=\"%d\">\n",
                escape(StatePalette.CODES), escape(StatePalette.colors()), escape(StatePalette.labels()),
                timeline.buckets(), timeline.bucketSeconds(), timeline.wallSeconds(), LEVELS));
        html.append(axis(timeline)).append(GpuSection.lane(analysis.gpu(), timeline)).append(application);
        if (!internal.isEmpty()) {
            html.append(String.format(Locale.ROOT, "<details class=\"jvm\"><summary><span>JVM &amp; agent threads "
                    + "<small>(%,d)</small></span></summary>\n", internal.size())).append(jvm).append("</details>\n");
        }
        return html.append("</div>").toString();
    }

    /** The lanes still to give out while rendering one report. Confined to one render call. */
    private static final class Budget {
        int threadLanes = MAX_THREAD_LANES;
        int groupLanes = MAX_GROUP_LANES;
        int omitted;

        boolean takeThreadLane() {
            if (threadLanes == 0) {
                omitted++;
                return false;
            }
            threadLanes--;
            return true;
        }
    }

    /** @return the application or the internal threads by group: groups with workers first, then by running time */
    private static List<List<ThreadTime>> groups(List<ThreadTime> threads, boolean internal) {
        Map<String, List<ThreadTime>> byGroup = new LinkedHashMap<>();
        threads.stream().filter(t -> t.internal() == internal)
                .sorted(Comparator.comparingLong(ThreadTime::javaId))
                .forEach(t -> byGroup.computeIfAbsent(t.group() == null ? "" : t.group(), g -> new ArrayList<>()).add(t));
        return byGroup.values().stream()
                .sorted(Comparator.comparing((List<ThreadTime> g) -> g.stream().noneMatch(ThreadTime::worker))
                        .thenComparing(Comparator.comparingDouble(TimelineSection::running).reversed()))
                .toList();
    }

    private static double running(List<ThreadTime> group) {
        return group.stream().mapToDouble(ThreadTime::runningSeconds).sum();
    }

    private static String lanes(List<List<ThreadTime>> groups, Timeline timeline, Budget budget) {
        StringBuilder html = new StringBuilder();
        List<ThreadTime> rest = new ArrayList<>();
        for (List<ThreadTime> group : groups) {
            if (group.size() == 1) {
                if (budget.takeThreadLane()) {
                    threadLane(html, group.get(0), timeline);
                } else {
                    rest.add(group.get(0));
                }
            } else if (budget.groupLanes == 0) {
                budget.omitted += group.size();
                rest.addAll(group);
            } else {
                budget.groupLanes--;
                groupLanes(html, group, timeline, budget);
            }
        }
        if (!rest.isEmpty()) {
            html.append("<div class=\"row\"><span class=\"name\">")
                    .append(String.format(Locale.ROOT, "%,d other threads", rest.size())).append("</span>");
            groupCanvas(html, rest, timeline);
            html.append("</div>\n");
        }
        return html.toString();
    }

    private static void groupLanes(StringBuilder html, List<ThreadTime> group, Timeline timeline, Budget budget) {
        boolean open = group.size() <= OPEN_GROUP_MAX && group.stream().anyMatch(ThreadTime::worker);
        String name = escape(group.get(0).group());
        html.append("<details class=\"group\"").append(open ? " open" : "").append("><summary><span class=\"name\" title=\"")
                .append(name).append("\">").append(name)
                .append(String.format(Locale.ROOT, " <small>(%,d)</small></span>", group.size()));
        groupCanvas(html, group, timeline);
        html.append("</summary>\n");
        int shown = 0;
        List<ThreadTime> busiest = group.size() <= MAX_MEMBER_LANES ? group : group.stream()
                .sorted(Comparator.comparingDouble(ThreadTime::runningSeconds).reversed()).limit(MAX_MEMBER_LANES)
                .sorted(Comparator.comparingLong(ThreadTime::javaId)).toList();
        budget.omitted += group.size() - busiest.size();
        for (ThreadTime t : busiest) {
            if (budget.takeThreadLane()) {
                threadLane(html, t, timeline);
                shown++;
            }
        }
        if (shown < group.size()) {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">%,d more threads of this group are not shown "
                    + "one by one.</p>\n", group.size() - shown));
        }
        html.append("</details>\n");
    }

    private static void threadLane(StringBuilder html, ThreadTime t, Timeline timeline) {
        String name = escape(t.name());
        float[][] s = timeline.seconds().get(t.javaId());
        char[] codes = new char[timeline.buckets()];
        for (int b = 0; b < codes.length; b++) {
            int dominant = ThreadState.NOT_ALIVE.ordinal();
            for (int state = 0; state < STATES; state++) {
                if (s[state][b] > s[dominant][b]) {
                    dominant = state;
                }
            }
            codes[b] = StatePalette.CODES.charAt(dominant);
        }
        html.append("<div class=\"row").append(t.worker() ? " worker" : "").append("\"><span class=\"name\" title=\"")
                .append(name).append("\">").append(name).append("</span><canvas class=\"lane\" data-s=\"")
                .append(escape(new String(codes))).append("\"></canvas></div>\n");
    }

    private static void groupCanvas(StringBuilder html, List<ThreadTime> members, Timeline timeline) {
        html.append("<canvas class=\"lane group\" data-g=\"");
        // Member by member, so that each member's arrays are read in order: 10,000 threads take milliseconds.
        double[][] sums = new double[STATES][timeline.buckets()];
        for (ThreadTime t : members) {
            float[][] s = timeline.seconds().get(t.javaId());
            for (int state = 0; state < STATES; state++) {
                for (int b = 0; b < sums[state].length; b++) {
                    sums[state][b] += s[state][b];
                }
            }
        }
        double[] sum = new double[STATES];
        for (int b = 0; b < timeline.buckets(); b++) {
            for (int state = 0; state < STATES; state++) {
                sum[state] = sums[state][b];
            }
            if (b > 0) {
                html.append(' ');
            }
            appendShares(html, sum);
        }
        html.append("\"></canvas>");
    }

    /** Appends each present state's code and share in 1/LEVELS; the shares add up to LEVELS (largest remainder). */
    private static void appendShares(StringBuilder out, double[] seconds) {
        double total = Arrays.stream(seconds).sum();
        if (total <= 0) {
            out.append(StatePalette.code(ThreadState.NOT_ALIVE)).append(Character.forDigit(LEVELS, 36));
            return;
        }
        int[] levels = new int[seconds.length];
        double[] remainder = new double[seconds.length];
        int given = 0;
        for (int i = 0; i < seconds.length; i++) {
            double exact = seconds[i] / total * LEVELS;
            levels[i] = (int) exact;
            remainder[i] = exact - levels[i];
            given += levels[i];
        }
        for (; given < LEVELS; given++) {
            int largest = 0;
            for (int i = 1; i < remainder.length; i++) {
                if (remainder[i] > remainder[largest]) {
                    largest = i;
                }
            }
            levels[largest]++;
            remainder[largest] = -1;
        }
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > 0) {
                out.append(StatePalette.CODES.charAt(i)).append(Character.forDigit(levels[i], 36));
            }
        }
    }

    private static String axis(Timeline timeline) {
        double span = timeline.buckets() * timeline.bucketSeconds();
        double raw = span / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double step = magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        StringBuilder html = new StringBuilder("<div class=\"row axis\"><span class=\"name\">seconds</span><div class=\"ticks\">");
        for (int i = 0; i * step <= span * (1 + 1e-9); i++) {
            html.append(String.format(Locale.ROOT, "<span style=\"left:%.3f%%\">%." + decimals + "f</span>",
                    100 * i * step / span, i * step));
        }
        return html.append("</div></div>\n").toString();
    }
}
