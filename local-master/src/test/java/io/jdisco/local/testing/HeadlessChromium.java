package io.jdisco.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real headless Chromium driven over the DevTools protocol, for the status pages' tests: no
 * WebDriver, no dependency beyond the JDK's HTTP client and WebSocket and Jackson. It starts
 * {@code chromium --headless=new --remote-debugging-port=0} with a fresh profile, reads the port
 * the browser chose from {@code DevToolsActivePort} in the profile, finds the page target with
 * {@code /json/list} and speaks JSON commands to it ({@code Page.navigate},
 * {@code Runtime.evaluate}, {@code Page.captureScreenshot}).
 *
 * <p>A browser that is missing or does not start is a failure with its reason, never a skipped
 * test: CI installs Chromium ({@code .ci/run}). Waits poll a condition up to a deadline. Not
 * thread-safe: one test thread drives it.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /**
     * Starts the browser: {@code $CHROMIUM}, else {@code chromium} or {@code chromium-browser} on
     * the {@code PATH}.
     *
     * @throws AssertionError when no browser is installed or it does not start, with the reason
     */
    public static HeadlessChromium start() throws IOException, InterruptedException {
        Path binary = binary();
        Path profile = Files.createTempDirectory("jdisco-chromium-");
        Path log = profile.resolve("chromium.log");
        List<String> command = List.of(binary.toString(), "--headless=new", "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile, "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-dev-shm-usage", "--window-size=1200,900",
                "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = devToolsPort(process, profile.resolve("DevToolsActivePort"), log);
            String target = pageTarget(port);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(START)
                    .buildAsync(URI.create(target), listener).get(START.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
            listener.owner = browser;
            return browser;
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException | AssertionError e) {
            destroy(process);
            throw new AssertionError("Chromium (" + binary + ") did not start for DevTools: " + e + "\n"
                    + tail(log), e);
        }
    }

    /** The browser binary, or an {@link AssertionError} saying how to install it. */
    private static Path binary() {
        String given = System.getenv("CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new AssertionError("Chromium is not installed (no chromium or chromium-browser on the PATH, CHROMIUM"
                + " unset): the status page tests need a real browser; install Debian's chromium"
                + " (apt-get install chromium chromium-driver), as .ci/run does");
    }

    private static int devToolsPort(Process process, Path portFile, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).matches("\\d+")) {
                    return Integer.parseInt(lines.get(0));
                }
            }
            if (!process.isAlive()) {
                throw new IOException("the browser exited with status " + process.exitValue());
            }
            Thread.sleep(50); // the poll of a bounded wait (START) that reports the browser's exit, which Await cannot
        }
        throw new IOException("no " + portFile + " after " + START.toSeconds() + " s");
    }

    private static String pageTarget(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(START).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode t : JSON.readTree(r.body())) {
            if ("page".equals(t.path("type").asText())) {
                return t.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IOException("no page target in /json/list: " + r.body());
    }

    /** Collects the text frames of each message and completes the command it answers. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                HeadlessChromium b = owner;
                if (b != null) {
                    b.received(message);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            HeadlessChromium b = owner;
            if (b != null) {
                b.pending.values().forEach(f -> f.completeExceptionally(error));
            }
        }
    }

    private void received(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Sends DevTools command {@code method} and returns its {@code result}; a protocol error fails. */
    public JsonNode send(String method, Map<String, ?> params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(command), true);
        JsonNode m;
        try {
            m = reply.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("DevTools " + method + " failed: " + e, e);
        } finally {
            pending.remove(id);
        }
        if (m.has("error")) {
            throw new IOException("DevTools " + method + " failed: " + m.get("error"));
        }
        return m.get("result");
    }

    /** Opens {@code url} in the page and waits for its document to be loaded. */
    public void navigate(String url) throws IOException, InterruptedException {
        JsonNode r = send("Page.navigate", Map.of("url", url));
        if (r.hasNonNull("errorText")) {
            throw new IOException("cannot open " + url + ": " + r.get("errorText").asText());
        }
        waitFor("the page " + url + " to load", "document.readyState === 'complete' && location.href === "
                + JSON.writeValueAsString(url), Duration.ofSeconds(20));
    }

    /**
     * The value of the JavaScript {@code expression} in the page (a promise is awaited), as JSON.
     *
     * @throws IOException when the expression throws
     */
    public JsonNode eval(String expression) throws IOException, InterruptedException {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("the page's script failed on " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** The string value of {@code expression} ({@code ""} for null or undefined). */
    public String text(String expression) throws IOException, InterruptedException {
        JsonNode v = eval(expression);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    /**
     * Polls {@code condition} (JavaScript) every 50 ms until it is true; an evaluation that throws
     * (the page is loading) counts as false.
     *
     * @throws AssertionError naming {@code what} when it is still false after {@code timeout}
     */
    public void waitFor(String what, String condition, Duration timeout) throws IOException, InterruptedException {
        waitFor(what, condition, timeout, () -> "");
    }

    /** As {@link #waitFor(String, String, Duration)}, adding {@code context} to the failure. */
    public void waitFor(String what, String condition, Duration timeout, Supplier<String> context)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (true) {
            try {
                if (eval("Boolean(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IOException e) { // e.g. no document.body yet while a page loads: asked again
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("waited " + timeout.toSeconds() + " s for " + what + " ("
                        + condition + "); the page says: " + text("document.body ? document.body.innerText : ''")
                        + context.get());
                if (last != null) {
                    failure.addSuppressed(last);
                }
                throw failure;
            }
            Thread.sleep(50); // the poll of a bounded wait that reports what the page says, which Await cannot
        }
    }

    /** Sets the viewport to {@code width} × {@code height} CSS pixels (a phone: mobile). */
    public void viewport(int width, int height, boolean mobile) throws IOException, InterruptedException {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", mobile));
    }

    /** Writes a PNG of the viewport to {@code file}. */
    public void screenshot(Path file) throws IOException, InterruptedException {
        JsonNode r = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent(), "file"));
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    /** Ends the browser and its helper processes and deletes its profile. */
    @Override
    public void close() throws IOException {
        socket.abort();
        destroy(process);
        try (var paths = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "browser output:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no browser output: " + e + ")";
        }
    }
}
