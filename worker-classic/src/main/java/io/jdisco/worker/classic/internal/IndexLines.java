package io.jdisco.worker.classic.internal;

import io.jdisco.worker.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code dir://} index file (SPEC §8.6), Python's {@code read_index}: one output per line,
 * <pre>
 *   label SP url SP size LF        e.g. "2 disco://node1/disco/node1/97/Job@1/0e/map:0-.../map-0-node1-2 1234"
 * </pre>
 * gunzipped when the URL ends in {@code .gz}. Entries come back sorted by label, URL and size,
 * as {@code sorted(read_index(dir))} gives them.
 */
public final class IndexLines {
    /** One line of an index. */
    public record Entry(int label, String url, long size) {
    }

    private IndexLines() {
    }

    /**
     * Parses the index read from {@code in} (closed afterwards).
     *
     * @throws DataException naming {@code url} and the line when a line is malformed
     */
    public static List<Entry> read(InputStream in, String url) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (InputStream raw = in;
                InputStream data = url.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    out.add(parse(line, n, url));
                }
            }
        }
        out.sort(Comparator.comparingInt(Entry::label).thenComparing(Entry::url).thenComparingLong(Entry::size));
        return out;
    }

    private static Entry parse(String line, int n, String url) throws DataException {
        String[] f = line.trim().split("\\s+");
        if (f.length != 3) {
            throw new DataException("index line " + n + " is not 'label url size': \"" + line + "\"", url);
        }
        try {
            return new Entry(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]));
        } catch (NumberFormatException e) {
            throw new DataException("index line " + n + " has a bad label or size: \"" + line + "\"", url, e);
        }
    }
}
