package io.jdisco.examples;

import io.jdisco.taskio.plain.CompressedText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.classic.typed.Codecs;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.JobContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Distributed grep, a map-only job: every line that contains a match of a Java regular
 * expression, as {@code (url, Hit(number, line))}, which Python sees as
 * {@code (url, (number, line))}. A line is matched as UTF-8 text (bytes that are not UTF-8 match
 * only {@code \uFFFD}) and written back as its original bytes.
 */
public final class Grep {
    /** The params key holding the pattern. */
    public static final String PATTERN = "pattern";

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /**
     * A matching line: its number in its input (from 1) and its bytes.
     *
     * @param number the line number
     * @param line the line's bytes, without the {@code \n}
     */
    public record Hit(long number, Bytes line) {
    }

    private Grep() {
    }

    /**
     * The grep job over {@code inputs} (URLs).
     *
     * @throws java.util.regex.PatternSyntaxException when {@code pattern} is not a Java regex
     */
    public static MapReduceJob<String, Hit> job(String pattern, List<String> inputs) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(inputs, "inputs");
        Pattern.compile(pattern);
        return MapReduceJob.named("Grep")
                .input(inputs)
                .params(Params.of(PATTERN, pattern))
                .set("map_input_stream", CompressedText.mapInputStream())
                .map(InputFormat.of(new UrlLineReader(), UrlLine.class), Codecs.of(String.class), Codecs.tuple(Hit.class),
                        Grep::matching)
                .build();
    }

    /** The map: the line, keyed by its URL, when it contains a match; counts the lines matched. */
    public static void matching(UrlLine line, Collector<String, Hit> out, JobContext context) throws java.io.IOException {
        Pattern p = COMPILED.computeIfAbsent(context.params().get(PATTERN, String.class), Pattern::compile);
        if (p.matcher(new String(line.line().toByteArray(), StandardCharsets.UTF_8)).find()) {
            context.count("lines matched");
            out.collect(line.url(), new Hit(line.number(), line.line()));
        }
    }
}
