package io.jdisco.taskio;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A chain context for tests: a resolver that serves local paths, {@code file://} and
 * {@code raw://} URLs, and a list that collects messages. Public for the tests of task-io's
 * other packages.
 */
public final class TestContext implements ChainContext, SchemeResolver {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    final List<String> messages = new ArrayList<>();
    final List<String> opened = new ArrayList<>();

    @Override
    public Params params() {
        return new Params();
    }

    @Override
    public void message(String text) {
        messages.add(text);
    }

    @Override
    public Optional<Task> task() {
        return Optional.empty();
    }

    @Override
    public Optional<String> setting(String name) {
        return Optional.empty();
    }

    @Override
    public SchemeResolver resolver() {
        return this;
    }

    /**
     * The contract of {@link SchemeContext#parseJson} through Jackson (task-io's tests have it;
     * the worker's own reader lives in worker-core, which task-io cannot reach): objects as
     * insertion-ordered maps, whole numbers as the smallest of Integer, Long and BigInteger,
     * a duplicate key or trailing text refused as a {@link DataException} about {@code url}.
     */
    @Override
    public Object parseJson(byte[] utf8, String url) throws DataException {
        try {
            return JSON.readValue(utf8, Object.class);
        } catch (IOException e) {
            throw new DataException("not JSON: " + e.getMessage(), url, e);
        }
    }

    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        opened.add(url);
        String scheme = SchemeResolver.schemeOf(url);
        if (scheme.equals("raw")) {
            byte[] data = url.substring("raw://".length()).getBytes(StandardCharsets.ISO_8859_1);
            return new InputLink(new ByteArrayInputStream(data), data.length, url);
        }
        if (!scheme.equals("file")) {
            throw new IllegalArgumentException("no scheme handler for " + url + "; known: " + schemes());
        }
        Path p = Path.of(url.startsWith("file://") ? url.substring("file://".length()) : url);
        try {
            return new InputLink(Files.newInputStream(p), Files.size(p), url);
        } catch (NoSuchFileException e) {
            throw new DataException("No such file", url, e);
        }
    }

    @Override
    public List<ResolvedInput> expand(String url, SchemeContext context) {
        return List.of(ResolvedInput.of(url));
    }

    @Override
    public boolean isIndirect(String url) {
        return false;
    }

    @Override
    public Set<String> schemes() {
        return new TreeSet<>(Set.of("file", "raw"));
    }
}
