package io.jdisco.local;

import io.jdisco.worker.core.jobhome.ExtractionLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jdisco master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]
 * [--task-timeout SECONDS]}:
 * runs a {@link LocalMaster} in the foreground until SIGTERM or Ctrl-C, printing its URL.
 */
public final class LocalMasterMain {
    private LocalMasterMain() {
    }

    /** Runs the master; exits with 2 on bad arguments. */
    public static void main(String[] args) throws InterruptedException {
        LocalMasterConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        LocalMaster master = LocalMaster.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            master.close();
            stopped.countDown();
        }, "jdisco-master-shutdown"));
        System.out.println("jdisco local master at " + master.url() + " (data " + master.dataRoot() + ", "
                + config.slots() + " slots); set DISCO_MASTER=" + master.url());
        System.out.flush();
        stopped.await();
    }

    /**
     * The configuration named by {@code args}.
     *
     * @throws IllegalArgumentException naming a bad or unknown argument
     */
    public static LocalMasterConfig parse(String[] args) {
        LocalMasterConfig.Builder b = LocalMasterConfig.builder();
        long jobHomeBytes = ExtractionLimits.defaults().maxTotalBytes();
        int jobHomeRatio = ExtractionLimits.defaults().maxRatio();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("usage requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--port":
                    b.port(integer(a, v));
                    break;
                case "--data":
                    b.dataRoot(Path.of(v));
                    break;
                case "--slots":
                    b.slots(integer(a, v));
                    break;
                case "--host":
                    b.host(v);
                    break;
                case "--workers":
                    b.workers(workerMode(v));
                    break;
                case "--jobhome-max-bytes":
                    jobHomeBytes = positiveLong(a, v);
                    break;
                case "--jobhome-max-ratio":
                    jobHomeRatio = integer(a, v);
                    break;
                case "--task-timeout":
                    b.idleTimeout(taskTimeout(v));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        return b.jobHomeLimits(ExtractionLimits.of(jobHomeBytes, jobHomeRatio)).build();
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + value + "'");
        }
    }

    private static long positiveLong(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive integer, got '" + value + "'");
    }

    /** {@code --task-timeout SECONDS}: a whole number of seconds, 0 for none. */
    public static java.time.Duration taskTimeout(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > 1_000_000_000L) {
            throw new IllegalArgumentException("--task-timeout needs a whole number of seconds (0: none), got '"
                    + value + "'");
        }
        return java.time.Duration.ofSeconds(seconds);
    }

    private static LocalMasterConfig.WorkerMode workerMode(String value) {
        switch (value) {
            case "processes":
                return LocalMasterConfig.WorkerMode.PROCESSES;
            case "reused":
                return LocalMasterConfig.WorkerMode.REUSED_PROCESSES;
            case "threads":
                return LocalMasterConfig.WorkerMode.THREADS;
            default:
                throw new IllegalArgumentException("--workers needs 'processes', 'reused' or 'threads', got '"
                        + value + "'");
        }
    }

    private static void usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: jdisco master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]"
                + " [--task-timeout SECONDS]");
        out.println("  --port   HTTP port on 127.0.0.1 (default: a free port)");
        out.println("  --data   data root (default: a temporary directory, deleted on exit)");
        out.println("  --slots  worker slots (default: the number of cores)");
        out.println("  --host   node host name in disco:// URLs (default: localhost)");
        out.println("  --workers processes: one process per task, as a Disco node (default);");
        out.println("           reused: a jdisco job's worker processes run its tasks one after another");
        out.println("           threads: jdisco jobs' tasks on threads of this JVM (no JVM start per task)");
        out.println("  --jobhome-max-bytes  the most bytes a job home may unpack to (default 1 GiB)");
        out.println("  --jobhome-max-ratio  the most times its compressed size a job home entry may unpack to (default 200)");
        out.println("  --task-timeout SECONDS  kill and retry a task whose worker sent nothing for SECONDS");
        out.println("           (default 600; 0: never)");
    }
}
