package io.jdisco.schemes.dir;

import io.jdisco.worker.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an index file, as the master writes it (SPEC §8.6):
 *
 * <pre>
 *   &lt;label&gt; SP &lt;url&gt; SP &lt;size&gt; LF     e.g.  2 disco://node1/disco/node1/97/Job/0e/map:0-node1-0-3f-12345/map-0-node1-2 1234
 * </pre>
 *
 * Fields are split on runs of white space, as Python's {@code line.split()} does; exactly three
 * fields, a label and a size that are whole numbers {@code >= 0}, or the index is malformed.
 */
final class IndexLine {
    /** A line longer than this is not an index line; reading stops there. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final int label;
    private final String url;
    private final long size;

    private IndexLine(int label, String url, long size) {
        this.label = label;
        this.url = url;
        this.size = size;
    }

    int label() {
        return label;
    }

    String url() {
        return url;
    }

    long size() {
        return size;
    }

    /** Every line of {@code in}; a {@link DataException} naming {@code indexUrl} and the line when malformed. */
    static List<IndexLine> parseAll(InputStream in, String indexUrl) throws IOException {
        List<IndexLine> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int number = 1;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lines.add(parse(line.toString(StandardCharsets.UTF_8), number++, indexUrl));
                    line.reset();
                } else {
                    line.write(buf[i]);
                    if (line.size() > MAX_LINE_BYTES) {
                        throw new DataException("index line " + number + " is longer than " + MAX_LINE_BYTES
                                + " bytes", indexUrl);
                    }
                }
            }
        }
        if (line.size() > 0) {
            lines.add(parse(line.toString(StandardCharsets.UTF_8), number, indexUrl));
        }
        return lines;
    }

    static IndexLine parse(String text, int number, String indexUrl) throws DataException {
        String[] f = text.trim().split("\\s+");
        if (f.length != 3 || f[0].isEmpty()) {
            throw malformed(text, number, indexUrl, "expected <label> <url> <size>");
        }
        int label;
        long size;
        try {
            label = Integer.parseInt(f[0]);
            size = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            throw malformed(text, number, indexUrl, "label and size must be whole numbers");
        }
        if (label < 0 || size < 0) {
            throw malformed(text, number, indexUrl, "label and size must be >= 0");
        }
        return new IndexLine(label, f[1], size);
    }

    private static DataException malformed(String text, int number, String indexUrl, String why) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new DataException("malformed index line " + number + " \"" + shown + "\": " + why, indexUrl);
    }
}
