package io.jdisco.worker.core.testing;

import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes job files for tests: a version 1 pack whose job data holds a worker and its job arguments. */
public final class JobFiles {
    private JobFiles() {
    }

    /** Writes {@code <home>/jobfile} for {@code worker} with {@code jobargs}; returns its path. */
    public static Path write(Path home, Worker worker, Map<String, ?> jobargs) throws IOException {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("input", List.of("raw://x"));
        dict.put("worker", "bin/worker");
        dict.put("map?", true);
        dict.put("reduce?", false);
        dict.put("nr_reduces", 1);
        dict.put("prefix", "TestJob");
        dict.put("scheduler", Map.of());
        dict.put("owner", "test@localhost");
        byte[] data = JobData.encode(worker, Map.of("name", "TestJob"), jobargs);
        Path jobfile = home.resolve("jobfile");
        Files.write(jobfile, new JobPack(1, dict, Map.of("LD_LIBRARY_PATH", "lib"), new byte[0], data).encode());
        return jobfile;
    }
}
