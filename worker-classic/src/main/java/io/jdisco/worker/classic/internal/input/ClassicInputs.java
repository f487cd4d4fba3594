package io.jdisco.worker.classic.internal.input;

import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of a classic job's inputs (SPEC §5.3, §9.3): Python's {@code inputlist} and the
 * jobdict's {@code nr_reduces}. Index ({@code dir://}) inputs are expanded into the outputs they
 * list when the job has a map, and tags ({@code tag://name}, or a bare name without {@code /} and
 * {@code ://}, as in Disco) into their blobs' replica lists, through the scheme registry.
 */
public final class ClassicInputs {
    private ClassicInputs() {
    }

    /**
     * The jobdict's {@code input}: each element a URL or a list of replica URLs.
     *
     * @throws IllegalArgumentException when {@code input} is not a list of URLs and URL lists
     * @throws IOException when an index or tag cannot be read
     */
    public static List<Object> inputList(Object input, boolean hasMap, SchemeContext ctx) throws IOException {
        List<Object> out = new ArrayList<>();
        for (Object i : asList(input)) {
            if (i instanceof String) {
                String url = (String) i;
                if ((isDir(url) && hasMap) || isTag(url)) {
                    for (ResolvedInput r : ctx.resolver().expand(url, ctx)) {
                        out.add(r.replicas());
                    }
                } else if (!url.isEmpty()) {
                    out.add(url);
                }
            } else if (i instanceof List) {
                List<String> reps = strings((List<?>) i);
                if (!reps.isEmpty() && reps.stream().allMatch(ClassicInputs::isDir) && hasMap) {
                    out.addAll(zip(reps, ctx));
                } else if (!reps.isEmpty()) {
                    out.add(reps);
                }
            } else {
                throw new IllegalArgumentException("a job input must be a URL or a list of replica URLs, got " + i);
            }
        }
        return out;
    }

    /**
     * The jobdict's {@code nr_reduces}: 1 with {@code merge_partitions}; with a map,
     * {@code partitions} or 1; without one, over index inputs only, one more than the largest label
     * they list; else 1.
     */
    public static int nrReduces(Object input, boolean hasMap, int partitions, boolean mergePartitions,
            SchemeContext ctx) throws IOException {
        if (mergePartitions) {
            return 1;
        }
        if (hasMap) {
            return partitions > 0 ? partitions : 1;
        }
        List<?> inputs = asList(input);
        List<String> dirs = new ArrayList<>();
        for (Object i : inputs) {
            List<String> urls = i instanceof String ? List.of((String) i) : strings((List<?>) i);
            if (urls.isEmpty() || !urls.stream().allMatch(ClassicInputs::isDir)) {
                return 1;
            }
            dirs.add(urls.get(0));
        }
        int max = -1;
        for (String d : dirs) {
            for (ResolvedInput r : ctx.resolver().expand(d, ctx)) {
                max = Math.max(max, r.label());
            }
        }
        return dirs.isEmpty() ? 1 : Math.max(1, max + 1);
    }

    /** Python's {@code istag}: {@code tag://...}, or a non-empty name without {@code ://} and {@code /}. */
    private static boolean isTag(String url) {
        return url.startsWith("tag://") || (!url.isEmpty() && !url.contains("://") && !url.contains("/"));
    }

    private static boolean isDir(String url) {
        return url.startsWith("dir://");
    }

    /** {@code zip(*(parse_dir(d) for d in dirs))}: the i-th outputs of all indexes are replicas. */
    private static List<List<String>> zip(List<String> dirs, SchemeContext ctx) throws IOException {
        List<List<ResolvedInput>> listed = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (String d : dirs) {
            List<ResolvedInput> l = ctx.resolver().expand(d, ctx);
            listed.add(l);
            n = Math.min(n, l.size());
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> reps = new ArrayList<>();
            for (List<ResolvedInput> l : listed) {
                reps.add(l.get(i).replicas().get(0));
            }
            out.add(reps);
        }
        return out;
    }

    private static List<?> asList(Object input) {
        if (!(input instanceof List)) {
            throw new IllegalArgumentException("Job 'input' is not a list of input locations: "
                    + (input == null ? "null" : input.getClass().getName() + " " + input));
        }
        return (List<?>) input;
    }

    private static List<String> strings(List<?> l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String)) {
                throw new IllegalArgumentException("a replica list must hold URL strings, got " + o + " in " + l);
            }
            if (!((String) o).isEmpty()) {
                out.add((String) o);
            }
        }
        return out;
    }
}
