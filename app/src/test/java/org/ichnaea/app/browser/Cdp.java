package org.ichnaea.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over one WebSocket (one page target): commands with ids answered by
 * their results, and events handed to listeners on the socket's thread. No Playwright, no Selenium: the JDK's
 * WebSocket and Jackson.
 */
public final class Cdp implements AutoCloseable {

    /** A command the browser answered with an error, or did not answer in time. */
    public static final class CdpException extends RuntimeException {
        CdpException(String message) {
            super(message);
        }

        CdpException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An event: its method ({@code Network.requestWillBeSent}) and params. */
    public record Event(String method, JsonNode params) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private volatile WebSocket socket;
    private volatile String closedBecause;

    private Cdp() {
    }

    /** Connects to a target's {@code webSocketDebuggerUrl}. */
    public static Cdp connect(HttpClient http, URI webSocketUrl) {
        Cdp cdp = new Cdp();
        try {
            cdp.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(webSocketUrl, cdp.new Listener()).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("interrupted while connecting to " + webSocketUrl, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CdpException("cannot connect to " + webSocketUrl, e);
        }
        return cdp;
    }

    /** Called with every event, on the socket's thread: keep it short. */
    public void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public JsonNode send(String method) {
        return send(method, Map.of());
    }

    /** Sends a command and waits (20 s at most) for its result. */
    public JsonNode send(String method, Map<String, ?> params) {
        if (closedBecause != null) {
            throw new CdpException(method + ": the connection is closed (" + closedBecause + ")");
        }
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (this) {
                // One sendText at a time: the JDK refuses a second while the first is outstanding.
                socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            }
            JsonNode response = answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new CdpException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException(method + ": interrupted", e);
        } catch (ExecutionException | IOException e) {
            throw new CdpException(method + " failed", e);
        } catch (TimeoutException e) {
            throw new CdpException(method + ": no answer within " + COMMAND_TIMEOUT.toSeconds() + " s", e);
        } finally {
            pending.remove(id);
        }
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from the browser: " + text, e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        Event event = new Event(message.path("method").asText(), message.path("params"));
        for (Consumer<Event> listener : listeners) {
            listener.accept(event);
        }
    }

    private void closed(String reason) {
        closedBecause = reason;
        pending.values().forEach(answer -> answer.completeExceptionally(new CdpException("connection closed: "
                + reason)));
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null && closedBecause == null) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // The browser is going away anyway.
            }
            ws.abort();
        }
        closed("closed by the client");
    }

    /** Joins fragmented messages (screenshots arrive in many parts) and asks for the next one after each. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    receive(text);
                } catch (RuntimeException e) {
                    // A listener's fault must not stop the stream; the test sees it through its own checks.
                    System.err.println("CDP message handling failed: " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed("closed by the browser: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed("error: " + error);
        }
    }
}
