package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.UsageException;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.LocalMasterMain;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]
 * [--task-timeout S] [--bind ADDR --token FILE] [--max-blob SIZE] [--max-pack SIZE]}: runs a {@link io.jdisco.local.LocalMaster} in
 * the foreground until SIGTERM or Ctrl-C. The first line on standard output is
 * {@code jdisco local master at <url> ...}; the second names the status pages, which a browser on
 * this machine opens ({@code <url>/}).
 */
public final class MasterCommand implements Command {
    @Override
    public String name() {
        return "master";
    }

    @Override
    public String usage() {
        return "master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]"
                + " [--task-timeout S]\n"
                + "       [--bind ADDR --token FILE] [--max-blob SIZE] [--max-pack SIZE]\n"
                + "  --port P       HTTP port on 127.0.0.1 (default: a free port)\n"
                + "  --data DIR     data root (default: a temporary directory, deleted on exit)\n"
                + "  --slots N      worker slots (default: the number of cores, twice that for threads)\n"
                + "  --host NAME    node host name in disco:// URLs (default: localhost)\n"
                + "  --workers M    processes: a worker process per task, as a Disco node (default);\n"
                + "                 reused: a jdisco job's worker processes run its tasks one after another;\n"
                + "                 threads: jdisco jobs' tasks on threads of the master's JVM\n"
                + "  --task-timeout S kill and retry a task whose worker sent nothing for S seconds\n"
                + "                 (default 600; 0: never)\n"
                + "  --bind ADDR    also listen on this IP address (0.0.0.0: all interfaces); needs --token\n"
                + "  --token FILE   file (mode 600) with the secret clients on other hosts send as\n"
                + "                 'Authorization: Bearer <token>' (jdisco clients: JDISCO_TOKEN_FILE)\n"
                + "  --max-blob S   largest DDFS blob accepted, e.g. 512m (default: 1g)\n"
                + "  --max-pack S   largest job pack accepted, held in memory (default: 256m)\n"
                + "  Requests from web pages (a foreign Origin) or through foreign names (Host) are\n"
                + "  refused; see 'Security' in the local-master README. A browser on this machine\n"
                + "  shows the jobs at the master's URL (the status pages).\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        LocalMasterConfig config;
        List<String> args = new ArrayList<>(argv);
        if (args.contains("--help") || args.contains("-h")) {
            throw new UsageException(null);
        }
        try {
            config = LocalMasterMain.parse(args.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LocalMasterMain.serve(config, console.out());
        return 0;
    }
}
