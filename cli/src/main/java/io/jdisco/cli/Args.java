package io.jdisco.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parsed arguments of one subcommand: flags ({@code --sort}), options with a value
 * ({@code --master URL} or {@code --master=URL}) and positional arguments, in any order;
 * {@code --} ends the options. Anything not declared is a {@link UsageException}; {@code --help}
 * and {@code -h} are a help request.
 */
public final class Args {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code args} knowing the command's {@code flagNames} and {@code optionNames}
     * (each with its leading {@code --}).
     *
     * @throws UsageException for an unknown option, a missing value, or a help request
     */
    public static Args parse(List<String> args, Set<String> flagNames, Set<String> optionNames) {
        Objects.requireNonNull(args, "args");
        Args a = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                a.positional.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            } else {
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                if (flagNames.contains(name) && eq < 0) {
                    a.flags.add(name);
                } else if (optionNames.contains(name)) {
                    String value;
                    if (eq > 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    a.options.put(name, value);
                } else {
                    throw new UsageException("unknown option '" + arg + "'");
                }
            }
        }
        return a;
    }

    /** True when flag {@code name} was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The value of option {@code name}, or {@code null}. */
    public String option(String name) {
        return options.get(name);
    }

    /**
     * The value of option {@code name} as an integer of at least {@code min}, or {@code dflt}.
     *
     * @throws UsageException when the value is not such an integer
     */
    public int intOption(String name, int dflt, int min) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " needs an integer >= " + min + ", got '" + v + "'");
    }

    /** The positional arguments in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }

    /**
     * The positional arguments, checked to number between {@code min} and {@code max}.
     *
     * @param what how the usage error names them, e.g. {@code "INPUT"}
     * @throws UsageException when there are too few or too many
     */
    public List<String> positional(String what, int min, int max) {
        if (positional.size() < min) {
            throw new UsageException("missing " + what);
        }
        if (positional.size() > max) {
            throw new UsageException("unexpected argument '" + positional.get(max) + "'");
        }
        return positional();
    }
}
