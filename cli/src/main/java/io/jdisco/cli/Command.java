package io.jdisco.cli;

import java.util.List;

/** One subcommand of the {@code jdisco} command line. */
public interface Command {
    /** The subcommand's name, e.g. {@code wordcount}. */
    String name();

    /** Its usage: a synopsis line, then one line per option. */
    String usage();

    /**
     * Runs the subcommand with the arguments after its name.
     *
     * @return the exit status: 0 on success, 1 on failure
     * @throws UsageException when the arguments are wrong (exit status 2)
     * @throws Exception any failure, reported by {@link Main} with exit status 1
     */
    int run(List<String> args, Console console) throws Exception;
}
