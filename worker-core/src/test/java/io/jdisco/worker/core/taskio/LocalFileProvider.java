package io.jdisco.worker.core.taskio;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Test-only {@code file} scheme (registered through a test class loader), since worker-core cannot
 * depend on the scheme-file module, whose tests depend on worker-core.
 */
public final class LocalFileProvider implements SchemeProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Path p = Path.of(url.startsWith("file://") ? url.substring(7) : url);
        try {
            return new InputLink(Files.newInputStream(p), Files.size(p), url);
        } catch (NoSuchFileException e) {
            throw new DataException("no such file", url, e);
        }
    }
}
