package io.jdisco.examples;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Distributed grep, a map-only job: every line that contains a match of a Java regular
 * expression, as {@code (url, (lineNumber, line))}. A line is matched as UTF-8 text (bytes that
 * are not UTF-8 match only {@code \uFFFD}) and written back as its original bytes.
 */
public final class Grep {
    /** The params key holding the pattern. */
    public static final String PATTERN = "pattern";

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Grep() {
    }

    /**
     * The grep job over {@code inputs} (URLs).
     *
     * @throws java.util.regex.PatternSyntaxException when {@code pattern} is not a Java regex
     */
    public static ClassicJob job(String pattern, List<String> inputs) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(inputs, "inputs");
        Pattern.compile(pattern);
        return ClassicJob.builder("Grep")
                .input(inputs)
                .mapReader(new UrlLineReader())
                .map(Grep::matching)
                .params(Params.of(PATTERN, pattern))
                .build();
    }

    /** The map: the line, keyed by its URL, when it contains a match. */
    public static void matching(Tuple urlLine, Emitter out, Params params) throws IOException {
        Pattern p = COMPILED.computeIfAbsent(params.get(PATTERN, String.class), Pattern::compile);
        Bytes line = (Bytes) urlLine.get(2);
        if (p.matcher(new String(line.toByteArray(), StandardCharsets.UTF_8)).find()) {
            out.emit(urlLine.get(0), Tuple.pair(urlLine.get(1), line));
        }
    }
}
