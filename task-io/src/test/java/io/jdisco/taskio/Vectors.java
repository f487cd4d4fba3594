package io.jdisco.taskio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The golden vectors of testdata/vectors and their JSON side files, as Java values. */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static Path path(String name) {
        return Path.of(System.getProperty("jdisco.testdata"), "vectors", name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a side file, as the Java values the pickle codec maps them to. */
    static List<Tuple> records(String jsonName) {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode r : json(jsonName).get("records")) {
            out.add(Tuple.pair(value(r.get(0)), value(r.get(1))));
        }
        return out;
    }

    static Object value(JsonNode v) {
        String type = v.get("type").asText();
        switch (type) {
            case "int":
            case "long": {
                BigInteger b = new BigInteger(v.get("value").asText());
                return type.equals("long") ? b : b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case "str":
                return v.has("utf8_hex") ? new String(hex(v.get("utf8_hex").asText()), java.nio.charset.StandardCharsets.UTF_8)
                        : Bytes.of(hex(v.get("hex").asText()));
            case "bytes":
                return Bytes.of(hex(v.get("hex").asText()));
            default:
                throw new IllegalArgumentException("unknown vector type " + type);
        }
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
