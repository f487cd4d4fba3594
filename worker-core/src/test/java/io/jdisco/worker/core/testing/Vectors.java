package io.jdisco.worker.core.testing;

import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Locates and reads the golden vectors in {@code testdata/vectors}. */
public final class Vectors {
    private Vectors() {
    }

    /** The path of a vector file. */
    public static Path path(String name) {
        String root = System.getProperty("jdisco.testdata");
        if (root == null) {
            throw new IllegalStateException("system property jdisco.testdata is not set (see the parent pom)");
        }
        return Path.of(root, "vectors", name);
    }

    /** The bytes of a vector file. */
    public static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    /** A JSON vector file parsed to Java values. */
    public static Object json(String name) throws IOException {
        return PythonJson.parse(bytes(name));
    }

    /** The names of the protocol transcripts, e.g. {@code worker_protocol_classic_map_0}. */
    public static List<String> transcripts() throws IOException {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(path("").toAbsolutePath())) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("worker_protocol_") && n.endsWith(".master_to_worker.bin"))
                    .map(n -> n.substring(0, n.length() - ".master_to_worker.bin".length()))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    /** The exchanges of a transcript sent by {@code from} ("worker" or "master"). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> exchanges(String transcript, String from) throws IOException {
        Map<String, Object> t = (Map<String, Object>) json(transcript + ".json");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) t.get("exchanges")) {
            Map<String, Object> e = (Map<String, Object>) o;
            if (from.equals(e.get("from"))) {
                out.add(e);
            }
        }
        return out;
    }
}
