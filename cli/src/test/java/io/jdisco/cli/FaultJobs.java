package io.jdisco.cli;

import io.jdisco.examples.WordCount;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Job functions for the fault tests; shipped to the workers by modutil from the test classes. */
public final class FaultJobs {
    /** The params key of the marker file the slow map creates before it stalls. */
    public static final String MARKER = "marker";

    private FaultJobs() {
    }

    /**
     * Word count's map, but at a line {@code SLOW} the first attempt (no marker file yet) creates
     * the marker, holding its worker's process id on a line, and stalls for a minute, long enough to be killed in the middle of the task.
     */
    public static void slowWords(Bytes line, Emitter out, Params params) throws IOException {
        if (line.utf8String().startsWith("SLOW")) {
            Path marker = Path.of(params.get(MARKER, String.class));
            if (!Files.exists(marker)) {
                Files.writeString(marker, ProcessHandle.current().pid() + "\n");
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        WordCount.emitWords(line, out::emit);
    }

    /** Word count's map that first prints 10,000 lines to standard output. */
    public static void chattyWords(Bytes line, Emitter out, Params params) throws IOException {
        for (int i = 0; i < 10_000; i++) {
            System.out.println("chatty line " + i + " of the map");
        }
        WordCount.emitWords(line, out::emit);
    }
}
