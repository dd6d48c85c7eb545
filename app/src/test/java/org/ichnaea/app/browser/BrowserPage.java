package org.ichnaea.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One browser tab that records what its pages do: every request and its answer, console errors and warnings,
 * uncaught exceptions and the browser's own error log. {@link #open} navigates and waits until the page has
 * loaded and the network has been idle for a moment; {@link Visit} is what happened meanwhile.
 */
public final class BrowserPage {

    /** A request the page made, with its final status (0 while unanswered, -1 when it failed). */
    public record Request(String id, String url, String type, int status, String failure) {

        boolean isLocal() {
            URI uri = URI.create(url.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ws") && !scheme.equals("wss")) {
                // data:, blob:, about: and the browser's own schemes never leave the machine.
                return true;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return LOCAL_HOSTS.contains(host);
        }

        String path() {
            return URI.create(url).getRawPath();
        }
    }

    /** What one navigation did. */
    public record Visit(String url, int status, List<Request> requests, List<String> errors, List<String> warnings) {

        /** Requests to any host but this machine. */
        public List<String> externalRequests() {
            return requests.stream().filter(r -> !r.isLocal()).map(Request::url).toList();
        }

        /** Requests answered with 400 or more, or not at all (cancelled ones aside). */
        public List<String> failedRequests() {
            return requests.stream().filter(r -> r.status() >= 400 || r.status() < 0)
                    .map(r -> r.url() + " -> " + (r.status() < 0 ? r.failure() : r.status())).toList();
        }

        /** The statuses of the requests whose path starts with {@code prefix}, by path. */
        public Map<String, Integer> statuses(String prefix) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            requests.stream().filter(r -> r.isLocal() && r.url().startsWith("http") && r.path().startsWith(prefix))
                    .forEach(r -> statuses.put(r.path(), r.status()));
            return statuses;
        }
    }

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(15);

    private final Cdp cdp;
    private final Object lock = new Object();
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final Set<String> inFlight = new java.util.HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean loaded;
    private String loaderId = "";
    private String url = "about:blank";
    private long lastActivity = System.nanoTime();

    public BrowserPage(Cdp cdp, int width, int height) {
        this.cdp = cdp;
        cdp.onEvent(this::record);
        cdp.send("Runtime.enable");
        cdp.send("Log.enable");
        cdp.send("Network.enable");
        cdp.send("Page.enable");
        // Every visit asks the server for every file, so every answer is seen and checked.
        cdp.send("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        cdp.send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** Runs {@code script} in every document before its own scripts. */
    public void addInitScript(String script) {
        cdp.send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Navigates to {@code url}, waits for the load event and then for a quiet network. */
    public Visit open(String url) throws InterruptedException {
        synchronized (lock) {
            requests.clear();
            inFlight.clear();
            errors.clear();
            warnings.clear();
            loaded = false;
            lastActivity = System.nanoTime();
            this.url = url;
        }
        JsonNode navigation = cdp.send("Page.navigate", Map.of("url", url));
        synchronized (lock) {
            loaderId = navigation.path("loaderId").asText();
        }
        if (navigation.hasNonNull("errorText")) {
            throw new AssertionError("navigating to " + url + " failed: " + navigation.get("errorText").asText());
        }
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        synchronized (lock) {
            while (!loaded) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(url + ": no load event within " + LOAD_TIMEOUT.toSeconds() + " s");
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        awaitQuiet(deadline);
        return visit();
    }

    /** What happened since the last navigation, the document's status taken from the navigation's own request. */
    public Visit visit() {
        synchronized (lock) {
            Request document = requests.get(loaderId);
            return new Visit(url, document == null ? 0 : document.status(), List.copyOf(requests.values()),
                    List.copyOf(errors), List.copyOf(warnings));
        }
    }

    /** Waits until no request has been in flight for half a second, until {@code deadline} at most. */
    public void awaitQuiet(long deadline) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                long now = System.nanoTime();
                long quietFor = now - lastActivity;
                if (inFlight.isEmpty() && quietFor >= QUIET.toNanos()) {
                    return;
                }
                if (now >= deadline) {
                    throw new AssertionError("the network did not settle; in flight: " + inFlight.stream()
                            .map(id -> requests.get(id) == null ? id : requests.get(id).url()).toList());
                }
                long wait = inFlight.isEmpty() ? QUIET.toNanos() - quietFor : 50_000_000L;
                lock.wait(Math.max(1, Math.min(wait, deadline - now) / 1_000_000));
            }
        }
    }

    /** Waits until no request has been in flight for half a second, 15 s at most. */
    public void awaitQuiet() throws InterruptedException {
        awaitQuiet(System.nanoTime() + LOAD_TIMEOUT.toNanos());
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and answers its JSON value. */
    public JsonNode evaluate(String expression) {
        JsonNode result = cdp.send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true, "timeout", 10_000));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new AssertionError("script failed: " + details.path("exception").path("description")
                    .asText(details.path("text").asText()) + "\n" + expression);
        }
        return result.path("result").path("value");
    }

    /** Polls {@code condition} (a JavaScript expression) every 100 ms until it is true, {@code timeout} at most. */
    public boolean waitFor(String condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate("!!(" + condition + ")").asBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Saves a PNG of the page, the whole document when it is taller than the viewport (up to 4,000 pixels). */
    public void screenshot(Path file) throws IOException {
        JsonNode metrics = cdp.send("Page.getLayoutMetrics");
        JsonNode content = metrics.path("cssContentSize");
        JsonNode viewport = metrics.path("cssLayoutViewport");
        double width = Math.max(viewport.path("clientWidth").asDouble(), 1);
        double height = Math.min(Math.max(content.path("height").asDouble(), viewport.path("clientHeight")
                .asDouble()), 4000);
        JsonNode shot = cdp.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private void record(Cdp.Event event) {
        JsonNode p = event.params();
        synchronized (lock) {
            switch (event.method()) {
                case "Page.loadEventFired" -> loaded = true;
                case "Network.requestWillBeSent" -> {
                    String id = p.path("requestId").asText();
                    Request previous = requests.get(id);
                    int status = previous != null && p.has("redirectResponse")
                            ? p.path("redirectResponse").path("status").asInt() : 0;
                    if (previous != null && status >= 400) {
                        errors.add("redirected after " + status + ": " + previous.url());
                    }
                    requests.put(id, new Request(id, p.path("request").path("url").asText(),
                            p.path("type").asText(), 0, null));
                    inFlight.add(id);
                }
                case "Network.responseReceived" -> update(p.path("requestId").asText(),
                        p.path("response").path("status").asInt(), null);
                case "Network.loadingFinished" -> inFlight.remove(p.path("requestId").asText());
                case "Network.loadingFailed" -> {
                    String id = p.path("requestId").asText();
                    inFlight.remove(id);
                    if (!p.path("canceled").asBoolean()) {
                        Request request = requests.get(id);
                        if (request == null || request.status() < 400) {
                            update(id, -1, p.path("errorText").asText()
                                    + (p.has("blockedReason") ? " (" + p.get("blockedReason").asText() + ")" : ""));
                        }
                    }
                }
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                        StringBuilder text = new StringBuilder("console." + type + ":");
                        for (JsonNode arg : p.path("args")) {
                            text.append(' ').append(arg.has("value") ? arg.get("value").asText()
                                    : arg.path("description").asText(arg.path("type").asText()));
                        }
                        (type.equals("warning") ? warnings : errors).add(text.toString());
                    }
                }
                case "Runtime.exceptionThrown" -> {
                    JsonNode details = p.path("exceptionDetails");
                    errors.add("uncaught: " + details.path("exception").path("description")
                            .asText(details.path("text").asText()) + " at " + details.path("url").asText() + ":"
                            + details.path("lineNumber").asInt());
                }
                case "Log.entryAdded" -> {
                    JsonNode entry = p.path("entry");
                    String text = "log." + entry.path("source").asText() + ": " + entry.path("text").asText()
                            + (entry.hasNonNull("url") ? " (" + entry.get("url").asText() + ")" : "");
                    if (entry.path("level").asText().equals("error")) {
                        errors.add(text);
                    } else if (entry.path("level").asText().equals("warning")) {
                        warnings.add(text);
                    }
                }
                default -> {
                    return;
                }
            }
            if (event.method().startsWith("Network.") || event.method().equals("Page.loadEventFired")) {
                lastActivity = System.nanoTime();
            }
            lock.notifyAll();
        }
    }

    private void update(String id, int status, String failure) {
        Request request = requests.get(id);
        if (request != null) {
            requests.put(id, new Request(id, request.url(), request.type(), status, failure));
        }
    }
}
