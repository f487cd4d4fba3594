package io.jdisco.testing;

import java.nio.file.Path;

/**
 * An output a task announced ({@code OUTPUT [label, path, size]}), with the local file it names.
 *
 * @param label the label
 * @param path the path relative to the job home, as announced
 * @param size the size announced
 * @param file the absolute file
 */
public record TaskOutput(int label, String path, long size, Path file) {
}
