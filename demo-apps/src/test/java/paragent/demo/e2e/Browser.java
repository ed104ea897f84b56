package paragent.demo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium for the end-to-end tests, driven over the Chrome DevTools Protocol on one
 * WebSocket (flattened sessions): {@link #open} loads a report file in a fresh tab with a 1280x800
 * viewport and returns the JavaScript exceptions and console errors it caused (CSP violations
 * included), where the verdict lies, and a screenshot under {@code target/browser/}. Every wait is
 * bounded by {@link #TIMEOUT}, so a hung browser fails a test instead of hanging the suite; the
 * process is killed and its profile directory deleted on {@link #close}.
 *
 * <p>Without Chromium the callers skip their browser checks, except under {@code CI=true}, where the
 * CI script installs it and a missing browser is a failure (as {@link OpenCl} does for PoCL).
 *
 * <p>Not thread-safe for {@link #open}: one page at a time; the WebSocket's listener thread only
 * completes replies and records events.
 */
final class Browser implements AutoCloseable {

    /** The longest any one step (start, command, page load) may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The viewport reports are checked in: a common laptop screen. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    /** What to install when Chromium is missing. */
    static final String INSTALL = "install chromium (Debian package chromium) to run the browser checks";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String VERDICT_BOX = "(() => { const v = document.querySelector('.verdict');"
            + " if (!v) { return null; } const r = v.getBoundingClientRect();"
            + " return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; })()";

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> replies;
    private final List<JsonNode> events;

    private Browser(Process process, Path profile, WebSocket socket, Inbox inbox) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.replies = inbox.replies;
        this.events = inbox.events;
    }

    /** What a page did when it loaded. */
    record Page(List<String> errors, VerdictBox verdict, Path screenshot) {
    }

    /** The verdict's bounding box in CSS pixels, or null in {@link Page} when the page has none. */
    record VerdictBox(double top, double left, double bottom, double right) {

        /** @return whether the whole box shows in the viewport without scrolling */
        boolean inViewport() {
            return bottom > top && right > left && top >= 0 && left >= 0 && bottom <= HEIGHT && right <= WIDTH;
        }
    }

    /**
     * Starts Chromium when it is installed. Under {@code CI=true} a missing Chromium fails; elsewhere
     * the caller skips its browser checks, saying {@link #INSTALL}.
     *
     * @return a started browser to close, or null when Chromium is not installed
     */
    static Browser startIfInstalled() throws IOException, InterruptedException {
        Path executable = executable();
        if (executable == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true and no chromium on the PATH: " + INSTALL);
            }
            return null;
        }
        Path profile = Files.createTempDirectory("paragent-chromium");
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI endpoint = devToolsEndpoint(process);
            Inbox inbox = new Inbox();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(endpoint, inbox).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Browser(process, profile, socket, inbox);
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            kill(process, profile);
            throw new IOException("chromium did not start: " + e, e);
        }
    }

    /**
     * Opens {@code html} in a fresh tab at 1280x800, waits for its load event, and saves a screenshot
     * as {@code target/browser/NAME.png}.
     */
    Page open(Path html, String name) throws IOException, InterruptedException {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        try {
            for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable")) {
                call(session, domain, Map.of());
            }
            call(session, "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            int seen = events.size();
            call(session, "Page.navigate", Map.of("url", html.toAbsolutePath().toUri().toString()));
            awaitEvent(seen, e -> session.equals(e.path("sessionId").asText())
                    && e.path("method").asText().equals("Page.loadEventFired"));
            JsonNode box = call(session, "Runtime.evaluate", Map.of("expression", VERDICT_BOX, "returnByValue", true))
                    .path("result").path("value");
            Path screenshot = screenshot(session, name);
            // The replies above came after every event the load caused: the errors are all in.
            return new Page(errors(session, seen), box.isObject() ? new VerdictBox(box.path("top").asDouble(),
                    box.path("left").asDouble(), box.path("bottom").asDouble(), box.path("right").asDouble()) : null,
                    screenshot);
        } finally {
            call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    @Override
    public void close() {
        socket.abort();
        kill(process, profile);
    }

    private Path screenshot(String session, String name) throws IOException, InterruptedException {
        String png = call(session, "Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
        Files.write(file, Base64.getDecoder().decode(png));
        return file.toAbsolutePath();
    }

    /** Exceptions, console.error calls and error log entries (CSP violations among them) of the session. */
    private List<String> errors(String session, int from) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : eventsSince(from)) {
            if (!session.equals(e.path("sessionId").asText())) {
                continue;
            }
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").path("text")
                        .asText() + " " + p.path("exceptionDetails").path("exception").path("description").asText());
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().equals("error")) {
                        errors.add("console.error: " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        errors.add(p.path("entry").path("source").asText() + ": " + p.path("entry").path("text").asText());
                    }
                }
                default -> {
                }
            }
        }
        return errors;
    }

    /** Sends one command and waits for its reply; a protocol error fails. */
    private JsonNode call(String session, String method, Map<String, Object> params)
            throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no reply within " + TIMEOUT.toSeconds() + " s: " + e, e);
        } finally {
            replies.remove(id);
        }
    }

    /**
     * The events received from index {@code from} on, as a snapshot: a sub-list view of the live
     * list fails with a ConcurrentModificationException once the socket's thread appends to it.
     */
    private List<JsonNode> eventsSince(int from) {
        List<JsonNode> all = new ArrayList<>(events);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    private void awaitEvent(int from, Predicate<JsonNode> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (eventsSince(from).stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the page did not load within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** Reads Chromium's stderr until it names its DevTools endpoint, then keeps draining it. */
    private static URI devToolsEndpoint(Process process) throws IOException, InterruptedException,
            ExecutionException, TimeoutException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = err.readLine()) != null) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on ") && at >= 0) {
                        endpoint.complete(URI.create(line.substring(at).trim()));
                    }
                }
                endpoint.completeExceptionally(new IOException("chromium exited with " + process.waitFor()));
            } catch (IOException | InterruptedException e) {
                endpoint.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Path executable() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void kill(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile directory left in the temp directory harms nothing.
        }
    }

    /**
     * The WebSocket's listener: joins a message's fragments, completes the reply a command waits
     * for, and keeps every event. Its own state is confined to the WebSocket's delivery, which is
     * sequential; replies and events are concurrent collections read by the test's thread.
     */
    private static final class Inbox implements WebSocket.Listener {
        final Map<Long, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void received(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = replies.get(message.get("id").asLong());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else {
                    events.add(message);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
