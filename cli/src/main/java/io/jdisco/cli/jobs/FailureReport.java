package io.jdisco.cli.jobs;

import io.jdisco.cli.Console;
import io.jdisco.cli.Main;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobEvents;
import io.jdisco.worker.core.client.JobFailureCause;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells on standard error why a job died, while its master still holds its event log (the
 * embedded master deletes it at exit): the last {@value #LAST_EVENTS} events of the task that
 * failed first ({@link JobFailureCause}), each by its first line; with {@code --verbose}, the
 * failing event in full, the worker's stack trace included. The one-line cause itself is the
 * job's failure message, which {@link Main} prints last.
 */
final class FailureReport {
    /** How many of the failing task's events are shown. */
    static final int LAST_EVENTS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private FailureReport() {
    }

    /** Prints the report of dead job {@code job}; a log that cannot be read is said so, never thrown. */
    static void print(Disco disco, String job, Console console) throws InterruptedException {
        List<JobEvent> events;
        try {
            events = all(disco, job);
        } catch (IOException e) {
            console.err().println("(the events of " + job + " could not be read: " + e.getMessage() + ")");
            return;
        }
        Optional<JobEvent> cause = JobFailureCause.of(events);
        if (cause.isEmpty()) {
            return;
        }
        Optional<String> task = cause.get().task();
        if (task.isPresent()) {
            List<JobEvent> ofTask = new ArrayList<>();
            for (JobEvent e : events) {
                if (task.equals(e.task())) {
                    ofTask.add(e);
                }
                if (e == cause.get()) {
                    break;
                }
            }
            console.err().println("last events of task " + task.get() + ":");
            for (JobEvent e : ofTask.subList(Math.max(0, ofTask.size() - LAST_EVENTS), ofTask.size())) {
                console.err().println("  " + TIME.format(e.timestamp()) + "  " + e.host() + "  "
                        + e.message().lines().findFirst().orElse(""));
            }
        }
        if (console.verbose()) {
            console.err().println("the failure in full:");
            console.err().println(cause.get().message().stripTrailing());
        } else if (!cause.get().summary().equals(cause.get().message().strip())) {
            console.err().println("(-v or --verbose shows the stack trace)");
        }
    }

    private static List<JobEvent> all(Disco disco, String job) throws IOException, InterruptedException {
        List<JobEvent> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            JobEvents page = disco.events(job, offset);
            if (page.events().isEmpty() || page.nextOffset() <= offset) {
                return all;
            }
            all.addAll(page.events());
            offset = page.nextOffset();
        }
    }
}
