package paragent.demo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a program is run for comparison: without the agent (the baseline every other side is
 * divided by), with the agent at its defaults, or with the agent and async-profiler flame graphs.
 * Immutable.
 */
enum Side {
    /** No {@code -javaagent}. */
    NONE("none", null),
    /** {@code -javaagent:paragent.jar=out=<dir>,quiet}: the defaults. */
    DEFAULT("default", ""),
    /** The defaults plus CPU and wall-clock flame graphs. */
    FLAME("flame", "flame=cpu+wall");

    /** The name used by {@code --sides} and in the tables. */
    final String label;
    /** Agent options after {@code out=...,quiet}; {@code null} for no agent. */
    private final String agentOptions;

    Side(String label, String agentOptions) {
        this.label = label;
        this.agentOptions = agentOptions;
    }

    boolean withAgent() {
        return agentOptions != null;
    }

    /** This side's own options joined with the user's {@code extra} ones (either may be empty). */
    String agentOptions(String extra) {
        if (agentOptions.isEmpty() || extra.isEmpty()) {
            return agentOptions + extra;
        }
        return agentOptions + "," + extra;
    }

    /**
     * Parses {@code --sides}: comma-separated labels, each at most once, {@code none} among them.
     *
     * @throws IllegalArgumentException on an unknown or repeated label, or without {@code none}
     */
    static List<Side> parseAll(String labels) {
        List<Side> sides = new ArrayList<>();
        for (String label : labels.split(",")) {
            Side side = byLabel(label.strip());
            if (sides.contains(side)) {
                throw new IllegalArgumentException("--sides lists '" + label + "' twice");
            }
            sides.add(side);
        }
        if (!sides.contains(NONE)) {
            throw new IllegalArgumentException("--sides must include 'none': every ratio is against it");
        }
        return List.copyOf(sides);
    }

    private static Side byLabel(String label) {
        for (Side side : values()) {
            if (side.label.equals(label)) {
                return side;
            }
        }
        throw new IllegalArgumentException("unknown side '" + label + "' in --sides; known: none, default, flame");
    }

    /**
     * The order of {@code sides} in round {@code round}: rotated by one each round, so that every
     * side runs first, second, ... equally often and a slow drift of the machine hits all alike
     * (with two sides: A B, B A, A B ...).
     */
    static List<Side> order(List<Side> sides, int round) {
        List<Side> order = new ArrayList<>(sides);
        Collections.rotate(order, -Math.floorMod(round, sides.size()));
        return order;
    }
}
