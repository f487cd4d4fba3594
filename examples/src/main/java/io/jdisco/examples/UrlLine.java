package io.jdisco.examples;

import io.jdisco.worker.Bytes;
import java.util.Objects;

/**
 * One input line and where it came from: the input's URL, the line's number (from 1) and its
 * bytes without the {@code \n}. What {@link UrlLineReader} yields to grep's and join's maps.
 *
 * @param url the input URL
 * @param number the line number, from 1
 * @param line the line's bytes
 */
public record UrlLine(String url, long number, Bytes line) {
    /** Checks the parts. */
    public UrlLine {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(line, "line");
    }
}
