package io.jdisco.modutil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Where a {@link Shipment} writes the job home's files: the job-home zip writer of the worker,
 * or a directory. modutil plans, the caller owns the container, so modutil needs no zip code.
 */
@FunctionalInterface
public interface JobHomeSink {

    /**
     * Adds one file. {@code name} is a relative path with {@code /} separators
     * ({@code lib/helper.jar}, {@code classes/a/b/C.class}); parent directories are implied.
     * The sink reads {@code content} fully and need not close it.
     */
    void entry(String name, InputStream content) throws IOException;

    /** A sink that writes each entry as a file under {@code root} (an unpacked job home). */
    static JobHomeSink toDirectory(Path root) {
        Objects.requireNonNull(root, "root");
        return (name, content) -> {
            Path target = root.resolve(RequiredFiles.checkEntryName(name)).normalize();
            if (!target.startsWith(root.normalize())) {
                throw new IllegalArgumentException("entry " + name + " escapes " + root);
            }
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        };
    }
}
