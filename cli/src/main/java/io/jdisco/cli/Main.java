package io.jdisco.cli;

import io.jdisco.cli.jobs.GrepCommand;
import io.jdisco.cli.jobs.JoinCommand;
import io.jdisco.cli.jobs.SortCommand;
import io.jdisco.cli.jobs.WordCountCommand;
import io.jdisco.cli.master.JobCommand;
import io.jdisco.cli.master.JobsCommand;
import io.jdisco.cli.master.MasterCommand;
import io.jdisco.worker.JobException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jdisco} command line: {@code java -jar jdisco.jar <command> [args]}.
 * Exit status 0 on success, 1 when the job or a request fails (with the master's text on
 * standard error), 2 for usage errors. {@code -v} or {@code --verbose} anywhere before {@code --}
 * tells a failure in full: the failed task's error with its stack trace.
 */
public final class Main {
    /** Exit status of a failed job or request. */
    public static final int FAILED = 1;
    /** Exit status of a wrong command line. */
    public static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = commands(
            new WordCountCommand(), new GrepCommand(), new JoinCommand(), new SortCommand(), new CatCommand(),
            new MasterCommand(), new JobsCommand(), JobCommand.events(), JobCommand.results(), JobCommand.counters(),
            JobCommand.kill(), JobCommand.purge());

    private Main() {
    }

    /**
     * Runs the command line and exits with its status; with plugins ({@link Plugins}:
     * {@code --classpath}, {@code $JDISCO_CLASSPATH}, {@code plugins/} beside the jar) in a class
     * loader that sees them.
     */
    public static void main(String[] args) {
        System.exit(runWithPlugins(args));
    }

    /** {@link #main}'s work but the exit: returns the command line's exit status. */
    static int runWithPlugins(String[] args) {
        try {
            Plugins.Found plugins = Plugins.find(args, System.getenv(Plugins.VARIABLE), Plugins.folderBesideJar());
            return plugins.entries().isEmpty() || Plugins.active() ? runAndFlush(plugins.args())
                    : Plugins.runWith(plugins.entries(), plugins.args());
        } catch (UsageException e) {
            System.err.println("jdisco: " + e.getMessage());
            return USAGE;
        } catch (java.io.IOException e) {
            System.err.println("jdisco: the plugins cannot be listed: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * Runs the command line {@code args} on this process's console and returns its status, its
     * output flushed and the HTTP client's threads stopped: {@link #main}'s work but the exit,
     * called through the plugins' class loader when there are plugins.
     */
    public static int runAndFlush(String[] args) {
        Console console = Console.system();
        int status = run(args, console);
        console.out().flush();
        console.err().flush();
        HttpClientThreads.stop();
        return status;
    }

    /** Runs the command line {@code args} on {@code console} and returns the exit status. */
    public static int run(String[] argv, Console console) {
        List<String> all = new ArrayList<>(Arrays.asList(argv));
        int end = all.indexOf("--");
        List<String> options = end < 0 ? all : all.subList(0, end);
        boolean verbose = options.removeIf(a -> a.equals("-v") || a.equals("--verbose"));
        String[] args = all.toArray(new String[0]);
        console = console.verbose(verbose);
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            console.err().print(usage());
            return args.length == 0 ? USAGE : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            console.err().println("jdisco: unknown command '" + args[0] + "'");
            console.err().print(usage());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest, console);
        } catch (UsageException e) {
            if (e.isHelp()) {
                console.err().println("usage: " + command.usage());
                return 0;
            }
            console.err().println("jdisco " + command.name() + ": " + e.getMessage());
            console.err().println("usage: " + command.usage());
            return USAGE;
        } catch (JobException e) {
            console.err().println("jdisco " + command.name() + ": " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.err().println("jdisco " + command.name() + ": interrupted");
            return FAILED;
        } catch (Exception e) {
            console.err().println("jdisco " + command.name() + ": " + describe(e));
            return FAILED;
        } finally {
            console.out().flush();
        }
    }

    /** The top-level usage: every command's synopsis. */
    public static String usage() {
        StringBuilder b = new StringBuilder("usage: java -jar jdisco.jar <command> [args]\n\ncommands:\n");
        for (Command c : COMMANDS.values()) {
            b.append("  ").append(c.usage().lines().findFirst().orElse(c.name())).append('\n');
        }
        b.append("\n<command> --help shows a command's options; -v or --verbose anywhere shows a failed task's\n"
                + "stack trace. --classpath PATH (or $" + Plugins.VARIABLE + ", or jars in a " + Plugins.FOLDER
                + "/ folder beside\nthe jar) adds plugin jars, such as URL schemes, which jobs ship to their workers.\n");
        return b.toString();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }

    private static Map<String, Command> commands(Command... commands) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands) {
            byName.put(c.name(), c);
        }
        return byName;
    }
}
