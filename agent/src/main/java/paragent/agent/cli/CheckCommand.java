package paragent.agent.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import paragent.analyzer.diagnosis.FindingKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check INPUT [--max-share KIND=x ...] [--min-efficiency x] [--max-lost-seconds KIND=s ...]}:
 * a CI gate. Holds the budgets against a recording, a summary or a scale report and says, one line
 * each, which were exceeded; the exit code tells the build.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        customSynopsis = "paragent check (REC.jfr... | DIR | summary.json | scale.json) [--max-share KIND=x ...] "
                + "[--max-lost-seconds KIND=s ...] [--min-efficiency x]",
        description = {"Fail a build when lost parallelism exceeds a budget.",
            "The input is recognized by its content: JFR recordings (several = the JVMs of one run; a directory = "
                + "the recordings in it), the JSON "
                + "summary of report --json (paragent/summary@1) or the JSON of scale (paragent/scale@1). KIND is "
                + "a finding kind or ANY (every kind)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every budget is met (prints: paragent check: OK (N budgets))",
            "1:a budget is exceeded (prints one line per violation)",
            "2:bad usage, or an input that cannot be read (prints one line saying what to do)"})
final class CheckCommand implements Callable<Integer> {

    /** The exit code of a violated budget. */
    static final int EXIT_VIOLATED = 1;
    /** The kind name that stands for every kind. */
    static final String ANY = "ANY";

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Recordings or directories of them, or one summary or scale JSON file.")
    private List<Path> inputs;

    @Option(names = "--max-share", paramLabel = "KIND=x",
            description = "Every finding of KIND must have a share of the worker-thread time of at most x (0..1).")
    private Map<String, Double> maxShares = new LinkedHashMap<>();

    @Option(names = "--max-lost-seconds", paramLabel = "KIND=s",
            description = "Every finding of KIND must have lost at most s worker-thread seconds.")
    private Map<String, Double> maxLostSeconds = new LinkedHashMap<>();

    @Option(names = "--min-efficiency", paramLabel = "x",
            description = "scale.json only: the efficiency (speedup / threads) at every count above 1 must be at "
                    + "least x.")
    private Double minEfficiency;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        CheckInput input;
        try {
            input = CheckInput.read(inputs);
        } catch (CheckInput.UnreadableException e) {
            spec.commandLine().getErr().println("paragent check: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (minEfficiency != null && !input.isScale()) {
            throw usage("--min-efficiency needs a scale report (paragent/scale@1 from scale --json); "
                    + inputs.get(0) + " is not one");
        }
        List<String> violations = violations(input);
        violations.forEach(spec.commandLine().getOut()::println);
        if (!violations.isEmpty()) {
            return EXIT_VIOLATED;
        }
        int budgets = maxShares.size() + maxLostSeconds.size() + (minEfficiency != null ? 1 : 0);
        spec.commandLine().getOut().println("paragent check: OK (" + budgets + " budget" + (budgets == 1 ? "" : "s")
                + ")");
        return 0;
    }

    private void validate() {
        if (maxShares.isEmpty() && maxLostSeconds.isEmpty() && minEfficiency == null) {
            throw usage("no budget given: add --max-share KIND=x, --max-lost-seconds KIND=s or --min-efficiency x");
        }
        maxShares = byKind("--max-share", maxShares, 1);
        maxLostSeconds = byKind("--max-lost-seconds", maxLostSeconds, Double.MAX_VALUE);
        if (minEfficiency != null && !(minEfficiency >= 0)) {
            throw usage("--min-efficiency must be a number of at least 0, not " + minEfficiency);
        }
    }

    /** @return the budgets with their kinds in upper case, each checked to be a kind or ANY and its limit in range */
    private Map<String, Double> byKind(String option, Map<String, Double> budgets, double most) {
        Map<String, Double> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Double> budget : budgets.entrySet()) {
            String kind = budget.getKey().strip().toUpperCase(Locale.ROOT);
            if (!kind.equals(ANY) && Arrays.stream(FindingKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw usage("unknown finding kind '" + budget.getKey() + "' in " + option + ": use one of "
                        + Arrays.stream(FindingKind.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + " or " + ANY);
            }
            Double limit = budget.getValue();
            if (limit == null || !(limit >= 0 && limit <= most)) {
                throw usage(option + " " + budget.getKey() + " needs a limit between 0 and "
                        + (most == 1 ? "1" : "any number") + ", e.g. " + option + " " + kind + "=0.2");
            }
            checked.put(kind, limit);
        }
        return checked;
    }

    private List<String> violations(CheckInput input) {
        List<String> violations = new ArrayList<>();
        for (CheckInput.Item finding : input.findings()) {
            for (Map.Entry<String, Double> budget : maxShares.entrySet()) {
                if (applies(budget.getKey(), finding) && finding.share() > budget.getValue()) {
                    violations.add(line(finding, "share", finding.share(), budget.getValue()));
                }
            }
            for (Map.Entry<String, Double> budget : maxLostSeconds.entrySet()) {
                if (applies(budget.getKey(), finding) && finding.lostThreadSeconds() > budget.getValue()) {
                    violations.add(line(finding, "lost thread-seconds", finding.lostThreadSeconds(),
                            budget.getValue()));
                }
            }
        }
        if (minEfficiency != null) {
            input.efficiencies().forEach((threads, efficiency) -> {
                if (efficiency < minEfficiency) {
                    violations.add("paragent check: efficiency " + number(efficiency) + " < " + number(minEfficiency)
                            + " at " + threads + " threads");
                }
            });
        }
        return violations;
    }

    private static boolean applies(String kind, CheckInput.Item finding) {
        return kind.equals(ANY) || kind.equals(finding.kind());
    }

    private static String line(CheckInput.Item finding, String what, double value, double limit) {
        return "paragent check: " + finding.kind() + " " + what + " " + number(value) + " > " + number(limit)
                + (finding.place() != null ? " at " + finding.place() : "");
    }

    /** @return two decimals, or two significant digits for a smaller number, so that a violation never reads 0.00 > 0.00 */
    static String number(double value) {
        if (value != 0 && Math.abs(value) < 0.1) {
            return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
