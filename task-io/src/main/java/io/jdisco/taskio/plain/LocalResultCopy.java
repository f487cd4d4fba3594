package io.jdisco.taskio.plain;

import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies a result whose files are on this machine (an embedded master's {@code disco://} outputs,
 * which its schemes open as {@code file://}; an index result is the files it lists) to a channel in
 * the kernel ({@link FileChannel#transferTo}: {@code sendfile}), without passing its bytes through
 * the JVM, where copying them block by block was a visible part of a fast sort's time
 * (bench/README.md).
 */
public final class LocalResultCopy {
    private static final String FILE = "file://";

    private LocalResultCopy() {
    }

    /**
     * Copies the files of result {@code url} to {@code target} when every one opens as a local
     * file; false, with nothing written, when one does not (another host) or cannot be opened: the
     * caller then reads the result through its input chain, which fails over to other replicas
     * and names the URL.
     *
     * @throws IOException when the copy breaks off after it started
     */
    public static boolean copy(String url, ChainContext context, FileChannel target) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(target, "target");
        List<Path> files = new ArrayList<>();
        try {
            List<String> inputs = new ArrayList<>();
            if (context.resolver().isIndirect(url)) {
                for (ResolvedInput in : context.resolver().expand(url, context)) {
                    inputs.add(in.replicas().get(0));
                }
            } else {
                inputs.add(url);
            }
            for (String input : inputs) {
                Path file = localFile(input, context);
                if (file == null) {
                    return false;
                }
                files.add(file);
            }
        } catch (IOException e) {
            return false;
        }
        for (Path file : files) {
            transfer(url, file, target);
        }
        return true;
    }

    /** The local file {@code url} opens as, or null when it opens as something else. */
    private static Path localFile(String url, ChainContext context) throws IOException {
        InputLink link = context.resolver().open(url, context);
        link.stream().close();
        if (!link.url().startsWith(FILE + "/")) {
            return null;
        }
        Path file = Path.of(link.url().substring(FILE.length()));
        return Files.isRegularFile(file) ? file : null;
    }

    private static void transfer(String url, Path file, FileChannel target) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            long size = in.size();
            for (long at = 0; at < size; ) {
                long n = in.transferTo(at, size - at, target);
                if (n <= 0) {
                    throw new IOException("copying result " + url + " (" + file + ") to the output stopped at byte "
                            + at + " of " + size);
                }
                at += n;
            }
        }
    }
}
