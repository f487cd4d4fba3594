package io.jdisco.local.testing;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.Worker;
import java.util.Map;

/**
 * A worker that reports, as a status line, the value its task sees for the environment variable
 * named by job argument {@code name} ({@code <unset>} when absent), the pid of the process it runs
 * in, and the thread it runs on (a thread of the master's JVM or not); it writes no output.
 */
public final class EnvWorker extends Worker {
    private static final long serialVersionUID = 1L;

    @Override
    protected void run(Task task, Map<String, Object> jobargs) {
        String name = (String) jobargs.get("name");
        String value = environment().getOrDefault(name, "<unset>");
        status("env " + name + "=" + value + " pid=" + ProcessHandle.current().pid() + " thread="
                + Thread.currentThread().getName());
    }
}
