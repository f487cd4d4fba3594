package io.jdisco.worker.index;

import io.jdisco.worker.DataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a {@code dir://} index file (SPEC §8.6), as the master writes it for each local
 * {@code OUTPUT} of a task and as the {@code dir} scheme and the master read it back:
 *
 * <pre>
 *   &lt;label&gt; SP &lt;url&gt; SP &lt;size&gt; LF
 *   e.g.  2 disco://node1/disco/node1/97/Job/0e/map:0-node1-0-3f-12345/map-0-node1-2 1234
 * </pre>
 *
 * Reading splits a line on runs of white space, as Python's {@code line.split()} in Disco's
 * {@code read_index} does: exactly three fields, a label and a size that are whole numbers
 * {@code >= 0}, or the index is malformed (a {@link DataException} naming the index and the line
 * number). A line is at most {@value #MAX_LINE_BYTES} bytes; a last line without its LF counts.
 *
 * @param label the output's label, {@code >= 0}
 * @param url the output's URL, without white space
 * @param size the output's size in bytes, {@code >= 0}
 */
public record IndexLine(int label, String url, long size) {
    /** A line longer than this many bytes is not an index line; reading stops there. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /**
     * A line.
     *
     * @throws IllegalArgumentException when the label or size is negative, or the URL is empty or
     *     holds white space (it could not be read back as one field)
     */
    public IndexLine {
        Objects.requireNonNull(url, "url");
        if (label < 0 || size < 0) {
            throw new IllegalArgumentException("label and size must be >= 0, got " + label + " and " + size);
        }
        if (url.isEmpty() || url.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an index URL must be non-empty without white space, got '" + url + "'");
        }
    }

    /** The line as the index holds it, with its LF: {@code <label> <url> <size>\n}. */
    public String text() {
        return label + " " + url + " " + size + "\n";
    }

    /**
     * Every line of {@code in}, read to its end (not closed).
     *
     * @param in the index bytes
     * @param source the index's URL or path, named in errors
     * @throws DataException naming {@code source} and the line number when a line is malformed or
     *     too long
     * @throws IOException when {@code in} fails
     */
    public static List<IndexLine> readAll(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        List<IndexLine> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int number = 1;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lines.add(parse(line.toString(StandardCharsets.UTF_8), number++, source));
                    line.reset();
                } else {
                    line.write(buf[i]);
                    if (line.size() > MAX_LINE_BYTES) {
                        throw new DataException("index line " + number + " is longer than " + MAX_LINE_BYTES
                                + " bytes", source);
                    }
                }
            }
        }
        if (line.size() > 0) {
            lines.add(parse(line.toString(StandardCharsets.UTF_8), number, source));
        }
        return lines;
    }

    /**
     * One line's text, without its LF.
     *
     * @param text the line
     * @param number its line number, from 1, named in errors
     * @param source the index's URL or path, named in errors
     * @throws DataException naming {@code source}, the line number and the line when it is malformed
     */
    public static IndexLine parse(String text, int number, String source) throws DataException {
        Objects.requireNonNull(text, "text");
        String[] f = text.trim().split("\\s+");
        if (f.length != 3 || f[0].isEmpty()) {
            throw malformed(text, number, source, "expected <label> <url> <size>");
        }
        int label;
        long size;
        try {
            label = Integer.parseInt(f[0]);
            size = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            throw malformed(text, number, source, "label and size must be whole numbers");
        }
        if (label < 0 || size < 0) {
            throw malformed(text, number, source, "label and size must be >= 0");
        }
        return new IndexLine(label, f[1], size);
    }

    private static DataException malformed(String text, int number, String source, String why) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new DataException("malformed index line " + number + " \"" + shown + "\": " + why, source);
    }
}
