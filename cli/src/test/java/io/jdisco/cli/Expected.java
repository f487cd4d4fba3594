package io.jdisco.cli;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers computed independently of the jobs, for comparing with what the command line prints. */
public final class Expected {
    private Expected() {
    }

    /** {@code word<TAB>count} lines of all {@code inputs}, sorted by unsigned bytes. */
    public static byte[] wordCount(byte[]... inputs) {
        Map<Bytes, Long> counts = new TreeMap<>();
        for (byte[] in : inputs) {
            int i = 0;
            while (i < in.length) {
                while (i < in.length && " \t\n\r\f\u000b".indexOf(in[i]) >= 0) {
                    i++;
                }
                int start = i;
                while (i < in.length && " \t\n\r\f\u000b".indexOf(in[i]) < 0) {
                    i++;
                }
                if (i > start) {
                    counts.merge(Bytes.of(in, start, i - start), 1L, Long::sum);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counts.forEach((w, n) -> {
            out.writeBytes(w.toByteArray());
            out.writeBytes(("\t" + n + "\n").getBytes(StandardCharsets.US_ASCII));
        });
        return out.toByteArray();
    }

    /** What {@code LC_ALL=C sort} prints for {@code text}: its lines in unsigned byte order, each ended by a newline. */
    public static byte[] cSort(byte[] text) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                lines.add(Arrays.copyOfRange(text, start, i));
                start = i + 1;
            }
        }
        if (start < text.length) {
            lines.add(Arrays.copyOfRange(text, start, text.length));
        }
        lines.sort(Arrays::compareUnsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
