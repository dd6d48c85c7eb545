package org.ichnaea.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium tab driven through Selenium and Debian's {@code chromedriver}, recording what its pages do:
 * every request and its answer (chromedriver's performance log, the DevTools network events), console errors and
 * warnings, uncaught exceptions and the browser's own error log (chromedriver's browser log). {@link #open}
 * navigates, then waits for a quiet network; {@link Visit} is what happened since. Chromium runs in a fresh profile
 * with its background traffic off, and every host name but localhost resolves to nothing, so a page that reaches
 * out fails instead of leaving the machine (the test sees the attempt anyway).
 */
final class SitePage implements AutoCloseable {

    /** A request the page made, with its final status (0 while unanswered, -1 when it failed). */
    record Request(String id, String url, String type, int status, String failure) {

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
    record Visit(String url, int status, List<Request> requests, List<String> errors, List<String> warnings) {

        /** Requests to any host but this machine. */
        List<String> externalRequests() {
            return requests.stream().filter(r -> !r.isLocal()).map(Request::url).toList();
        }

        /** Requests answered with 400 or more, or not at all (cancelled ones aside). */
        List<String> failedRequests() {
            return requests.stream().filter(r -> r.status() >= 400 || r.status() < 0)
                    .map(r -> r.url() + " -> " + (r.status() < 0 ? r.failure() : r.status())).toList();
        }

        /** The statuses of the requests whose path starts with {@code prefix}, by path. */
        Map<String, Integer> statuses(String prefix) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            requests.stream().filter(r -> r.isLocal() && r.url().startsWith("http") && r.path().startsWith(prefix))
                    .forEach(r -> statuses.put(r.path(), r.status()));
            return statuses;
        }
    }

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String documentId = "";
    private String url = "about:blank";
    private long lastActivity = System.nanoTime();

    /**
     * Starts {@code chromium} through {@code chromedriver} with a {@code width} x {@code height} viewport; the
     * driver's output goes to {@code log}.
     */
    SitePage(Path chromium, Path chromedriver, Path log, int width, int height) throws IOException {
        profile = Files.createTempDirectory("ichnaea-chromium-");
        Files.createDirectories(log.toAbsolutePath().getParent());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-breakpad",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "--no-proxy-server",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .withLogFile(log.toFile()).build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(LOAD_TIMEOUT).scriptTimeout(Duration.ofSeconds(10));
        // Every visit asks the server for every file, so every answer is seen and checked.
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** {@code variable} if it names a file, else {@code fallback}, if that is an executable file. */
    static Optional<Path> executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : fallback);
        return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** Runs {@code script} in every document before its own scripts. */
    void addInitScript(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Navigates to {@code url} (Selenium waits for the load event), then waits for a quiet network. */
    Visit open(String url) {
        drain();
        requests.clear();
        inFlight.clear();
        errors.clear();
        warnings.clear();
        documentId = "";
        this.url = url;
        lastActivity = System.nanoTime();
        driver.get(url);
        awaitQuiet();
        return visit();
    }

    /** What happened since the last navigation, the document's status taken from the navigation's own request. */
    Visit visit() {
        drain();
        Request document = requests.get(documentId);
        return new Visit(url, document == null ? 0 : document.status(), List.copyOf(requests.values()),
                List.copyOf(errors), List.copyOf(warnings));
    }

    /** Waits until no request has been in flight for half a second, 15 s at most. */
    void awaitQuiet() {
        try {
            new FluentWait<>(this).withTimeout(LOAD_TIMEOUT).pollingEvery(Duration.ofMillis(50))
                    .until(page -> page.drain() && page.inFlight.isEmpty()
                            && System.nanoTime() - page.lastActivity >= QUIET.toNanos());
        } catch (TimeoutException e) {
            throw new AssertionError("the network did not settle; in flight: " + inFlight.stream()
                    .map(id -> requests.get(id) == null ? id : requests.get(id).url()).toList(), e);
        }
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and answers its JSON value. */
    JsonNode evaluate(String expression) {
        try {
            return JSON.valueToTree(driver.executeScript("return " + expression + ";"));
        } catch (JavascriptException e) {
            throw new AssertionError("script failed: " + e.getRawMessage() + "\n" + expression, e);
        }
    }

    /** Polls {@code condition} (a JavaScript expression) every 100 ms until it is true, {@code timeout} at most. */
    boolean waitFor(String condition, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .until(d -> evaluate("!!(" + condition + ")").asBoolean());
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Saves a PNG of the page, the whole document when it is taller than the viewport (up to 4,000 pixels). */
    void screenshot(Path file) throws IOException {
        JsonNode metrics = JSON.valueToTree(driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()));
        JsonNode content = metrics.path("cssContentSize");
        JsonNode viewport = metrics.path("cssLayoutViewport");
        double width = Math.max(viewport.path("clientWidth").asDouble(), 1);
        double height = Math.min(Math.max(content.path("height").asDouble(), viewport.path("clientHeight")
                .asDouble()), 4000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Stops chromedriver and Chromium, then deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    /** Takes in the log entries chromedriver has gathered since the last call; always true, for waits. */
    private boolean drain() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).path("message");
            } catch (IOException e) {
                throw new AssertionError("unreadable performance log entry: " + entry.getMessage(), e);
            }
            record(message.path("method").asText(), message.path("params"));
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            } else if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(entry.getMessage());
            }
        }
        return true;
    }

    private void record(String method, JsonNode p) {
        if (!method.startsWith("Network.")) {
            return;
        }
        String id = p.path("requestId").asText();
        switch (method) {
            case "Network.requestWillBeSent" -> {
                Request previous = requests.get(id);
                int status = previous != null && p.has("redirectResponse")
                        ? p.path("redirectResponse").path("status").asInt() : 0;
                if (previous != null && status >= 400) {
                    errors.add("redirected after " + status + ": " + previous.url());
                }
                requests.put(id, new Request(id, p.path("request").path("url").asText(), p.path("type").asText(), 0,
                        null));
                inFlight.add(id);
                if (p.path("type").asText().equals("Document") && id.equals(p.path("loaderId").asText())) {
                    documentId = id;
                }
            }
            case "Network.responseReceived" -> update(id, p.path("response").path("status").asInt(), null);
            case "Network.loadingFinished" -> inFlight.remove(id);
            case "Network.loadingFailed" -> {
                inFlight.remove(id);
                if (!p.path("canceled").asBoolean()) {
                    Request request = requests.get(id);
                    if (request == null || request.status() < 400) {
                        update(id, -1, p.path("errorText").asText()
                                + (p.has("blockedReason") ? " (" + p.get("blockedReason").asText() + ")" : ""));
                    }
                }
            }
            default -> {
                return;
            }
        }
        lastActivity = System.nanoTime();
    }

    private void update(String id, int status, String failure) {
        Request request = requests.get(id);
        if (request != null) {
            requests.put(id, new Request(id, request.url(), request.type(), status, failure));
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: a file a dying child still writes.
                }
            });
        } catch (IOException e) {
            // Already gone.
        }
    }
}
