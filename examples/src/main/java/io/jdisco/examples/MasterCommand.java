package io.jdisco.examples;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.LocalMasterMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|threads]
 * [--task-timeout S]}: runs a {@link LocalMaster} in
 * the foreground until SIGTERM or Ctrl-C. The first line on standard output is
 * {@code jdisco local master at <url> ...}.
 */
public final class MasterCommand implements Command {
    @Override
    public String name() {
        return "master";
    }

    @Override
    public String usage() {
        return "master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|threads]"
                + " [--task-timeout S]\n"
                + "  --port P       HTTP port on 127.0.0.1 (default: a free port)\n"
                + "  --data DIR     data root (default: a temporary directory, deleted on exit)\n"
                + "  --slots N      worker slots (default: the number of cores)\n"
                + "  --host NAME    node host name in disco:// URLs (default: localhost)\n"
                + "  --workers M    processes: a worker process per task, as a Disco node (default);\n"
                + "                 threads: jdisco jobs' tasks on threads of the master's JVM\n"
                + "  --task-timeout S kill and retry a task whose worker sent nothing for S seconds\n"
                + "                 (default 600; 0: never)\n";
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
        LocalMaster master = LocalMaster.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            master.close();
            stopped.countDown();
        }, "jdisco-master-shutdown"));
        console.out().println("jdisco local master at " + master.url() + " (data " + master.dataRoot() + ", "
                + config.slots() + " slots); set DISCO_MASTER=" + master.url());
        console.out().flush();
        stopped.await();
        return 0;
    }
}
