package io.jdisco.local;

import io.jdisco.worker.core.client.MasterToken;
import io.jdisco.worker.core.jobhome.ExtractionLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jdisco master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]
 * [--task-timeout SECONDS] [--bind ADDR --token FILE] [--max-blob SIZE] [--max-pack SIZE]
 * [--jobhome-max-bytes SIZE] [--jobhome-max-ratio N]}: runs a {@link LocalMaster} in the foreground until
 * SIGTERM or Ctrl-C, printing its URL.
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
        serve(config, System.out);
    }

    /**
     * Starts a master with {@code config}, tells on {@code out} where it is, and serves until the
     * JVM is asked to stop (Ctrl-C, SIGTERM): the master is closed then, its workers stopped and a
     * temporary data root deleted.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static void serve(LocalMasterConfig config, PrintStream out) throws InterruptedException {
        LocalMaster master = LocalMaster.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            master.close();
            stopped.countDown();
        }, "jdisco-master-shutdown"));
        out.println("jdisco local master at " + master.url() + " (data " + master.dataRoot() + ", "
                + config.slots() + " slots); set DISCO_MASTER=" + master.url());
        out.println("status pages at " + master.url() + "/ (jobs) and " + master.url() + "/job/NAME (a job)");
        out.flush();
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
                    jobHomeBytes = size(a, v);
                    break;
                case "--jobhome-max-ratio":
                    jobHomeRatio = integer(a, v);
                    break;
                case "--task-timeout":
                    b.idleTimeout(taskTimeout(v));
                    break;
                case "--bind":
                    b.bind(v);
                    break;
                case "--token":
                    b.token(token(v));
                    break;
                case "--max-blob":
                    b.maxBlobBytes(size(a, v));
                    break;
                case "--max-pack":
                    b.maxPackBytes(size(a, v));
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

    private static String token(String file) {
        try {
            return MasterToken.read(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--token: " + e.getMessage(), e);
        }
    }

    /** A size in bytes: digits with an optional binary suffix k, m or g (e.g. 512m). */
    private static long size(String option, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        if (!digits.matches("\\d{1,12}")) {
            throw new IllegalArgumentException(option + " needs a size in bytes such as 1048576, 512m or 1g, got '"
                    + value + "'");
        }
        return Long.parseLong(digits) << shift;
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
        out.println("usage: jdisco master [--port P] [--data DIR] [--slots N] [--host NAME] [--workers processes|reused|threads]");
        out.println("                     [--task-timeout SECONDS] [--bind ADDR --token FILE] [--max-blob SIZE] [--max-pack SIZE]");
        out.println("                     [--jobhome-max-bytes SIZE] [--jobhome-max-ratio N]");
        out.println("  --port   HTTP port on 127.0.0.1 (default: a free port)");
        out.println("  --data   data root (default: a temporary directory, deleted on exit)");
        out.println("  --slots  worker slots (default: the number of cores, twice that for threads)");
        out.println("  --host   node host name in disco:// URLs (default: localhost)");
        out.println("  --workers processes: one process per task, as a Disco node (default);");
        out.println("           reused: a jdisco job's worker processes run its tasks one after another");
        out.println("           threads: jdisco jobs' tasks on threads of this JVM (no JVM start per task)");
        out.println("  --jobhome-max-bytes  the most bytes a job home may unpack to, e.g. 512m (default: 1g)");
        out.println("  --jobhome-max-ratio  the most times its compressed size a job home entry may unpack to (default 200)");
        out.println("  --task-timeout SECONDS  kill and retry a task whose worker sent nothing for SECONDS");
        out.println("           (default 600; 0: never)");
        out.println("  --bind   also listen on this IP address (0.0.0.0: all interfaces); needs --token");
        out.println("  --token  file (mode 600) with the secret clients on other hosts send as");
        out.println("           'Authorization: Bearer <token>' (jdisco clients: JDISCO_TOKEN_FILE)");
        out.println("  --max-blob  largest DDFS blob accepted, e.g. 512m (default: 1g)");
        out.println("  --max-pack  largest job pack accepted, held in memory (default: 256m)");
        out.println("  Requests from web pages (a foreign Origin) or through foreign names (Host) are refused;");
        out.println("  see 'Security' in the local-master README.");
    }
}
