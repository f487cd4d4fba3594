package io.jdisco.worker.core.input;

import io.jdisco.worker.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which replica URLs are files on this node, so that fail-over tries them first (SPEC §8.2, §8.7).
 *
 * <p>Local: {@code disco://<task host>/<first>/<rest>} mapped like Python's {@code localize}
 * ({@code ddfs} → {@code DDFS_DATA/<rest>}, anything else → {@code DISCO_DATA/<rest>}; the netloc must
 * equal the task host exactly), {@code file://<path>}, and a plain path (relative to the job home).
 */
public final class LocalReplicas {
    private LocalReplicas() {
    }

    /** The local file {@code url} names for {@code task}, whether or not it exists. */
    public static Optional<Path> localPath(String url, Task task) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(task, "task");
        int sep = url.indexOf("://");
        if (sep < 0) {
            return Optional.of(task.jobHome().resolve(url));
        }
        String scheme = url.substring(0, sep);
        String rest = url.substring(sep + 3);
        if (scheme.equals("file")) {
            return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest));
        }
        if (!scheme.equals("disco")) {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(0, slash).equals(task.host())) {
            return Optional.empty();
        }
        String path = rest.substring(slash + 1);
        int cut = path.indexOf('/');
        if (cut < 0) {
            return Optional.empty();
        }
        String root = path.substring(0, cut).equals("ddfs") ? task.ddfsData() : task.discoData();
        return Optional.of(Path.of(root, path.substring(cut + 1)));
    }

    /** A test for "names an existing local file of {@code task}". */
    public static Predicate<String> existing(Task task) {
        Objects.requireNonNull(task, "task");
        return url -> localPath(url, task).map(Files::isRegularFile).orElse(false);
    }
}
