package paragent.demo;

import java.util.List;
import java.util.Objects;

/**
 * A demo-specific command-line option ({@code --name value}, or {@code --name} for a flag): its
 * type, default and description, and typed access to its value in a {@link DemoConfig}.
 *
 * <p>{@link DemoMain} rejects options a demo does not declare and values that fail
 * {@link #validate}; the typed getters assume a validated config and fall back to the default
 * when the option is absent. Immutable.
 *
 * @param name the name without leading dashes, e.g. {@code lock}
 * @param type what values it takes
 * @param defaultValue the value when absent ({@code "false"} for a flag)
 * @param choices the allowed values of a {@link Type#CHOICE}, empty otherwise
 * @param description one line for {@code --help}
 */
public record DemoOption(String name, Type type, String defaultValue, List<String> choices, String description) {

    /** The kinds of values an option takes. */
    public enum Type {
        /** No value: present means true. */
        FLAG,
        /** An {@code int} ≥ 0. */
        NON_NEGATIVE_INT,
        /** An {@code int} ≥ 1. */
        POSITIVE_INT,
        /** Any {@code long}. */
        LONG,
        /** One of {@link #choices()}. */
        CHOICE
    }

    /** Copies the choices. */
    public DemoOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        Objects.requireNonNull(description, "description");
    }

    /** A flag, false unless given. */
    public static DemoOption flag(String name, String description) {
        return new DemoOption(name, Type.FLAG, "false", List.of(), description);
    }

    /** An int option; {@code minimum} must be 0 or 1. */
    public static DemoOption intOption(String name, int minimum, int defaultValue, String description) {
        Type type = minimum == 0 ? Type.NON_NEGATIVE_INT : Type.POSITIVE_INT;
        return new DemoOption(name, type, Integer.toString(defaultValue), List.of(), description);
    }

    /** A long option. */
    public static DemoOption longOption(String name, long defaultValue, String description) {
        return new DemoOption(name, Type.LONG, Long.toString(defaultValue), List.of(), description);
    }

    /** An option taking one of {@code choices}; the first is the default. */
    public static DemoOption choice(String name, String description, String... choices) {
        return new DemoOption(name, Type.CHOICE, choices[0], List.of(choices), description);
    }

    /** True for a flag, which takes no value on the command line. */
    public boolean isFlag() {
        return type == Type.FLAG;
    }

    /**
     * Checks a value as typed on the command line.
     *
     * @throws IllegalArgumentException with a message naming the option and what it accepts
     */
    public void validate(String value) {
        switch (type) {
            case FLAG:
                if (!"true".equals(value)) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                break;
            case NON_NEGATIVE_INT:
            case POSITIVE_INT:
                int min = type == Type.POSITIVE_INT ? 1 : 0;
                try {
                    if (Integer.parseInt(value) >= min) {
                        break;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new IllegalArgumentException("--" + name + " must be an integer >= " + min + ", not '" + value + "'");
            case LONG:
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " must be an integer, not '" + value + "'");
                }
                break;
            case CHOICE:
                if (!choices.contains(value)) {
                    throw new IllegalArgumentException("--" + name + " must be one of " + String.join("|", choices)
                            + ", not '" + value + "'");
                }
                break;
            default:
                throw new AssertionError(type);
        }
    }

    /** The value in {@code config}, or the default. */
    public String value(DemoConfig config) {
        return config.options().getOrDefault(name, defaultValue);
    }

    /** The value of an int option. */
    public int intValue(DemoConfig config) {
        return Integer.parseInt(value(config));
    }

    /** The value of a long option. */
    public long longValue(DemoConfig config) {
        return Long.parseLong(value(config));
    }

    /** Whether a flag is set. */
    public boolean isSet(DemoConfig config) {
        return Boolean.parseBoolean(value(config));
    }

    /** The usage line for {@code --help}. */
    public String usage() {
        String syntax;
        switch (type) {
            case FLAG:
                syntax = "--" + name;
                break;
            case CHOICE:
                syntax = "--" + name + " " + String.join("|", choices);
                break;
            default:
                syntax = "--" + name + " N";
        }
        String suffix = isFlag() ? "" : " (default " + defaultValue + ")";
        return String.format("  %-34s %s%s", syntax, description, suffix);
    }
}
