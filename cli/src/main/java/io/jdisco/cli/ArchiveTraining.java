package io.jdisco.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The run that {@code bin/jdisco} records its class archive from: a small word count and a small
 * sort on an embedded master on threads, over text made here in a temporary folder, their results
 * printed to this process's standard output as the commands print them.
 *
 * <p>Why a run of its own: a dynamic AppCDS archive holds only the classes its run loaded. Made
 * from whatever command a user happens to run first ({@code --help}, a typo, a job on a remote
 * master), it held a few hundred classes, and every later job loaded the other two thousand from
 * the jar: the tiny word count took 0.52 s instead of 0.30 s, for as long as that jar was used.
 * This run loads the same classes whatever the user does first. The launcher starts it with
 * {@code -XX:ArchiveClassesAtExit} and its output sent to {@code /dev/null}; its status tells
 * whether the archive may be kept.
 */
public final class ArchiveTraining {
    private static final String[] WORDS = {"disco", "map", "reduce", "worker", "master", "task", "input",
        "output", "label", "pickle", "shuffle", "java"};
    private static final int LINES = 2_000;

    private ArchiveTraining() {
    }

    /** Runs the training jobs; exit status 0 when each succeeded. */
    public static void main(String[] args) {
        int status;
        try {
            status = train();
        } catch (IOException e) {
            System.err.println("jdisco: the class archive's training run failed: " + e.getMessage());
            status = Main.FAILED;
        }
        System.exit(status);
    }

    private static int train() throws IOException {
        Path dir = Files.createTempDirectory("jdisco-archive-training-");
        Path text = dir.resolve("words.txt");
        Path records = dir.resolve("records.txt");
        try {
            writeLines(text, ArchiveTraining::wordLine);
            writeLines(records, ArchiveTraining::recordLine);
            List<String[]> commands = List.of(
                    new String[] {"wordcount", "--workers", "threads", "--partitions", "2", text.toString()},
                    new String[] {"sort", "--workers", "threads", "--partitions", "2", records.toString()});
            for (String[] command : commands) {
                int status = Main.runWithPlugins(command);
                if (status != 0) {
                    return status;
                }
            }
            return 0;
        } finally {
            for (Path p : List.of(text, records, dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void writeLines(Path file, IntFunction<String> maker) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < LINES; n++) {
                w.write(maker.apply(n));
                w.write('\n');
            }
        }
    }

    /** Eight words a line, in an order that varies from line to line. */
    private static String wordLine(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[(n * 7 + i * 5) % WORDS.length]);
        }
        return b.toString();
    }

    /** A 10-byte key that is not in line order, then a value. */
    private static String recordLine(int n) {
        return String.format("%010d value %d", (n * 7_919L) % 100_003, n);
    }
}
