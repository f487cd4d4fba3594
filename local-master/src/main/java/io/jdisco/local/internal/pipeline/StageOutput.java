package io.jdisco.local.internal.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What flows between stages (SPEC §6.5): a <em>data</em> output ({@code {label, size, replicas}}:
 * remote outputs, saved outputs, job inputs) or a <em>dir</em> output (one task's index file with
 * the labels it holds and their total sizes).
 */
public sealed interface StageOutput {
    /** The replica lists this output contributes to a job's results ({@code get_results}). */
    List<String> resultUrls();

    /**
     * {@code {label, size, [url...]}}.
     *
     * @param label the label
     * @param size the size hint
     * @param urls the replicas, in order
     */
    record Data(int label, long size, List<String> urls) implements StageOutput {
        private static final Pattern HOST = Pattern.compile("^[a-zA-Z0-9]+://([^/:]*)");

        /** Copies the URLs. */
        public Data {
            urls = List.copyOf(urls);
        }

        /**
         * The host the grouping assigns ({@code pick_local_host}): the host of the first replica
         * URL that is a cluster host, or {@code ""} when none is. (The real master picks a random
         * replica among those on cluster hosts; one machine has one host, so the first is as good
         * and deterministic.) A URL's "host" is only a host when the cluster has it: the text
         * after {@code raw://} is data, not a machine.
         */
        public String host(Predicate<String> isClusterHost) {
            for (String url : urls) {
                Matcher m = HOST.matcher(url);
                if (m.find() && isClusterHost.test(m.group(1))) {
                    return m.group(1);
                }
            }
            return "";
        }

        @Override
        public List<String> resultUrls() {
            return urls;
        }
    }

    /**
     * One index file: {@code {dir, {host, url, [{label, size}...]}}}.
     *
     * @param host the node holding it
     * @param url its {@code dir://} URL
     * @param labels label → total size, sorted by label
     */
    record Dir(String host, String url, SortedMap<Integer, Long> labels) implements StageOutput {
        /** Copies the labels. */
        public Dir {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(url, "url");
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }

        /** A dir output from index lines' labels and sizes. */
        public static Dir of(String host, String url, Map<Integer, Long> labels) {
            return new Dir(host, url, new TreeMap<>(labels));
        }

        @Override
        public List<String> resultUrls() {
            List<String> l = new ArrayList<>(1);
            l.add(url);
            return l;
        }
    }
}
