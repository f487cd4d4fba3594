package io.jdisco.worker.core.jobhome;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code bin/worker} launcher of a Java job home (DESIGN §3.9, SPEC §1.2, §2.9, §3.10): a
 * POSIX {@code #!/bin/sh} script that {@code exec}s a JVM running the worker main class.
 *
 * <p>The master starts the launcher with {@code /bin/sh -c "nice -n 19 <jobhome>/<worker>"}, no
 * arguments, the job home as working directory and the jobenvs in the environment, and parses
 * the merged stdout and stderr of the process as worker protocol. So the script must print
 * nothing itself, and it must stop the JVM from printing anything before {@code WorkerMain}
 * owns the streams. What a JDK 17 prints on its own, and how the script silences it:
 * <ul>
 *   <li>{@code Picked up JAVA_TOOL_OPTIONS: ...}, {@code Picked up _JAVA_OPTIONS: ...} (VM, on
 *       stderr) and {@code NOTE: Picked up JDK_JAVA_OPTIONS: ...} (launcher, on stderr) whenever
 *       those variables are set, unconditionally. The script copies their contents, unsets the
 *       variables and passes the contents as ordinary options in the JVM's own precedence order
 *       ({@code JAVA_TOOL_OPTIONS} first, {@code _JAVA_OPTIONS} last), so no option is lost.</li>
 *   <li>Unified-logging warnings ({@code [0.001s][warning][pagesize] ...}), which JDK 17 sends to
 *       <em>stdout</em> by default: {@code -Xlog:disable -Xlog:all=warning:file=jvm-%p.log} turns
 *       the default output off and keeps the warnings in a per-process file in the job home
 *       (relative, because job home paths contain {@code :}, the {@code -Xlog} separator).</li>
 *   <li>{@code OpenJDK 64-Bit Server VM warning: ...} (deprecated flags, failed tuning; on
 *       stderr): {@code -XX:-PrintWarnings}.</li>
 *   <li>Crash reports: {@code -XX:ErrorFile=hs_err_pid%p.log} keeps the report file in the job
 *       home. The short crash summary still reaches the pipe; the task is lost then anyway, and
 *       the master shows it as the worker's last words, which is what one wants to read.</li>
 * </ul>
 * The script's own errors (a {@code JAVA_HOME} without {@code bin/java}, a malformed
 * {@code DISCO_WORKER_MAX_MEM}, a {@code -XX:StartFlightRecording} among the options, whose start
 * lines JDK 17 prints on stdout whatever {@code -Xlog} says) are printed on stderr before it exits,
 * so they too appear as the worker's last words in the master's event log.
 *
 * <p>Defaults for a worker's footprint: {@code -XX:+UseSerialGC} unless the options choose a
 * collector, and an initial heap of {@value #INITIAL_HEAP} unless they size the heap. A node runs
 * one worker per core, so a collector's extra threads only compete with the other workers, and
 * the JVM's default initial heap (1/64 of the RAM, committed and touched by the young generation)
 * would make every worker hundreds of MB resident; from a small initial heap the serial collector
 * grows the heap only as far as the live data needs.
 *
 * <p>Options, in order: the silencing options above, the defaults, the class archive if the
 * launcher has one ({@link #withClassArchive}), the heap limit derived from
 * {@code DISCO_WORKER_MAX_MEM} ({@code 80%} → {@code -XX:MaxRAMPercentage=80}, {@code 1073741824}
 * → {@code -Xmx1073741824}; SPEC §2.9 says not to use {@code RLIMIT_AS} with a JVM), then
 * {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code JDISCO_JAVA_OPTS},
 * {@code _JAVA_OPTIONS}; later options win, so a job can override the defaults. Option
 * variables are split at blanks, without globbing; quotes inside them are not interpreted, so
 * an option value cannot contain a space. The JVM is {@code $JAVA_HOME/bin/java} when
 * {@code JAVA_HOME} is set, else {@code java} from {@code PATH}.
 */
public final class WorkerLauncher {
    /** Where the launcher goes in the job home by default; the jobdict {@code worker} value. */
    public static final String DEFAULT_PATH = "bin/worker";
    /** The worker entry point started by default. */
    public static final String DEFAULT_MAIN_CLASS = "io.jdisco.worker.core.WorkerMain";
    /** The class path by default, relative to the job home: jars in {@code lib/}, then classes. */
    public static final String DEFAULT_CLASS_PATH = "lib/*:classes";
    /** The initial heap the launcher gives a worker unless the options size the heap. */
    public static final String INITIAL_HEAP = "16m";

    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern CLASS_PATH = Pattern.compile("[A-Za-z0-9._/*:+-]+");
    /**
     * The characters a file path may have to be written into the script unquoted: a runtime jar
     * on the class path ({@link RuntimeClasspath#localClassPath}), the class archive.
     */
    static final Pattern PATH = Pattern.compile("[A-Za-z0-9._/+-]+");

    private final String mainClass;
    private final String classPath;
    /** The class data sharing archive the JVM maps, or "" for the JDK's own. */
    private final String classArchive;

    private WorkerLauncher(String mainClass, String classPath, String classArchive) {
        this.mainClass = mainClass;
        this.classPath = classPath;
        this.classArchive = classArchive;
    }

    /** The launcher of {@link #DEFAULT_MAIN_CLASS} with {@link #DEFAULT_CLASS_PATH}. */
    public static WorkerLauncher standard() {
        return new WorkerLauncher(DEFAULT_MAIN_CLASS, DEFAULT_CLASS_PATH, "");
    }

    /**
     * A launcher of {@code mainClass} (a binary class name such as {@code a.b.Main}) with the
     * default class path; for custom worker entry points and for tests.
     */
    public static WorkerLauncher of(String mainClass) {
        return standard().withMainClass(mainClass);
    }

    /** This launcher running {@code mainClass} instead. */
    public WorkerLauncher withMainClass(String mainClass) {
        Objects.requireNonNull(mainClass, "mainClass");
        if (!CLASS_NAME.matcher(mainClass).matches()) {
            throw new IllegalArgumentException("not a Java class name: '" + mainClass + "'");
        }
        return new WorkerLauncher(mainClass, classPath, classArchive);
    }

    /**
     * This launcher with class path {@code classPath} (relative to the job home, {@code :}
     * separated, {@code dir/*} for all jars of a directory). Only {@code [A-Za-z0-9._/*:+-]}
     * is accepted, since the value is written into a shell script.
     */
    public WorkerLauncher withClassPath(String classPath) {
        Objects.requireNonNull(classPath, "classPath");
        if (!CLASS_PATH.matcher(classPath).matches()) {
            throw new IllegalArgumentException("class path '" + classPath
                    + "' has characters outside [A-Za-z0-9._/*:+-]");
        }
        return new WorkerLauncher(mainClass, classPath, classArchive);
    }

    /**
     * This launcher starting the JVM with {@code -XX:SharedArchiveFile=}{@code archive}, an
     * absolute path (see {@link ClassArchive}): a worker then maps the classes it needs instead
     * of loading and verifying them from the jar. It comes before the user's options, so a
     * {@code -Xshare:off} or another archive among them wins; an archive the JVM finds invalid
     * (another JDK, another class path) is skipped with a warning in the job home's log.
     * Only {@code [A-Za-z0-9._/+-]} is accepted, since the value is written into a shell script.
     */
    public WorkerLauncher withClassArchive(String archive) {
        Objects.requireNonNull(archive, "archive");
        if (!archive.startsWith("/") || !PATH.matcher(archive).matches()) {
            throw new IllegalArgumentException("class archive '" + archive
                    + "' is not an absolute path of characters [A-Za-z0-9._/+-]");
        }
        return new WorkerLauncher(mainClass, classPath, archive);
    }

    /** The main class the launcher starts. */
    public String mainClass() {
        return mainClass;
    }

    /** The class path the launcher passes, relative to the job home. */
    public String classPath() {
        return classPath;
    }

    /** The class data sharing archive the launcher gives the JVM, if any. */
    public Optional<String> classArchive() {
        return classArchive.isEmpty() ? Optional.empty() : Optional.of(classArchive);
    }

    /** The script text (UTF-8, LF line ends). */
    public String script() {
        return String.join("\n",
                "#!/bin/sh",
                "# jdisco worker launcher, generated by " + WorkerLauncher.class.getName() + ".",
                "# The Disco master runs it with no arguments and the job home as working",
                "# directory, and reads the worker protocol from stdout and stderr, so neither",
                "# this script nor the JVM may print anything there (SPEC 1.2, 2.1.3, 2.9).",
                "set -f",
                "IFS=' \t",
                "'",
                "if [ -n \"${JAVA_HOME:-}\" ]; then",
                "  jdisco_java=\"$JAVA_HOME/bin/java\"",
                "  if [ ! -x \"$jdisco_java\" ]; then",
                "    echo \"jdisco: JAVA_HOME is '$JAVA_HOME' but $jdisco_java is not executable\" >&2",
                "    exit 127",
                "  fi",
                "else",
                "  jdisco_java=java",
                "fi",
                "jdisco_mem=",
                "case \"${DISCO_WORKER_MAX_MEM:-}\" in",
                "  '') ;;",
                "  *%)",
                "    jdisco_pct=${DISCO_WORKER_MAX_MEM%\\%}",
                "    case \"$jdisco_pct\" in",
                "      ''|.*|*.|*.*.*|*[!0-9.]*)",
                "        echo \"jdisco: DISCO_WORKER_MAX_MEM='$DISCO_WORKER_MAX_MEM' is not a"
                        + " percentage such as 80%\" >&2",
                "        exit 2 ;;",
                "    esac",
                "    jdisco_mem=\"-XX:MaxRAMPercentage=$jdisco_pct\" ;;",
                "  *[!0-9]*)",
                "    echo \"jdisco: DISCO_WORKER_MAX_MEM='$DISCO_WORKER_MAX_MEM' is neither a"
                        + " percentage (80%) nor a byte count\" >&2",
                "    exit 2 ;;",
                "  *) jdisco_mem=\"-Xmx$DISCO_WORKER_MAX_MEM\" ;;",
                "esac",
                "jdisco_tool_opts=${JAVA_TOOL_OPTIONS:-}",
                "jdisco_jdk_opts=${JDK_JAVA_OPTIONS:-}",
                "jdisco_last_opts=${_JAVA_OPTIONS:-}",
                "unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS",
                "jdisco_user_opts=\" $jdisco_tool_opts $jdisco_jdk_opts ${JDISCO_JAVA_OPTS:-} $jdisco_last_opts \"",
                "case \"$jdisco_user_opts\" in *' -XX:StartFlightRecording'*)",
                "    echo \"jdisco: -XX:StartFlightRecording in the worker's JVM options: the JVM prints the"
                        + " recording's start on stdout, the worker protocol's channel; profile the tasks with the"
                        + " classic worker's 'profile' parameter (a JFR recording per task) or start a recording"
                        + " with 'jcmd <pid> JFR.start'\" >&2",
                "    exit 2 ;;",
                "esac",
                "jdisco_gc=-XX:+UseSerialGC",
                "case \"$jdisco_user_opts\" in *' -XX:+Use'*'GC '*) jdisco_gc= ;; esac",
                "jdisco_initial=-Xms" + INITIAL_HEAP,
                "case \"$jdisco_user_opts\" in",
                "  *' -Xms'*|*' -Xmx'*|*HeapSize=*|*RAMPercentage=*|*RAMFraction=*) jdisco_initial= ;;",
                "esac",
                "case \"$jdisco_mem\" in -Xmx*) jdisco_initial= ;; esac",
                "exec \"$jdisco_java\" -XX:-PrintWarnings -Xlog:disable"
                        + " -Xlog:all=warning:file=jvm-%p.log -XX:ErrorFile=hs_err_pid%p.log \\",
                "  $jdisco_gc $jdisco_initial" + (classArchive.isEmpty() ? "" : " -XX:SharedArchiveFile=" + classArchive)
                        + " $jdisco_mem $jdisco_tool_opts $jdisco_jdk_opts ${JDISCO_JAVA_OPTS:-}"
                        + " $jdisco_last_opts \\",
                "  -cp '" + classPath + "' " + mainClass,
                "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerLauncher
                && ((WorkerLauncher) o).mainClass.equals(mainClass)
                && ((WorkerLauncher) o).classPath.equals(classPath)
                && ((WorkerLauncher) o).classArchive.equals(classArchive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mainClass, classPath, classArchive);
    }

    @Override
    public String toString() {
        return "WorkerLauncher[" + mainClass + ", -cp " + classPath
                + (classArchive.isEmpty() ? "" : ", -XX:SharedArchiveFile=" + classArchive) + "]";
    }
}
