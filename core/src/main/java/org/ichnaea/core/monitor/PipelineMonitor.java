package org.ichnaea.core.monitor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.apikey.ApiType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring jobs of docs/architecture.md "Periodic jobs" and docs/algorithms.md §13.5:
 * {@code monitor_queue_size_and_rate_control} (queue lengths, the backlog and one rate-controller step),
 * {@code monitor_api_key_limits} (today's requests per key and API path against the key's daily limit) and
 * {@code monitor_api_users} (today's distinct client addresses per key and API type). Each keeps its latest snapshot
 * for the metrics endpoint and logs it.
 */
public final class PipelineMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMonitor.class);

    /** Queue lengths and the backlog the controller steers; the sample rate set, when it ran. */
    public record QueueSnapshot(Map<String, Long> queues, long backlog, OptionalDouble sampleRate) {
    }

    /** Today's requests of one key on one API path, with its daily limit (null: unlimited). */
    public record KeyUsage(String key, String path, long requests, Integer maxreq) {
    }

    /** Today's distinct client addresses of one key for one API type. */
    public record KeyUsers(String key, ApiType type, long users) {
    }

    private final Supplier<Map<String, Long>> queueSizes;
    private final RateController controller;
    private final Supplier<OptionalLong> trxHistory;
    private final ApiKeyStore keys;
    private final ApiKeyUsage usage;
    private final Clock clock;
    private volatile QueueSnapshot queues = new QueueSnapshot(Map.of(), 0, OptionalDouble.empty());
    private volatile List<KeyUsage> limits = List.of();
    private volatile List<KeyUsers> users = List.of();

    /**
     * @param queueSizes the pipeline's queues (their sum is the backlog)
     * @param controller null when there is no rate control (keys and state not stored anywhere)
     * @param trxHistory the database's transaction history length when it can be read
     */
    public PipelineMonitor(Supplier<Map<String, Long>> queueSizes, RateController controller,
                           Supplier<OptionalLong> trxHistory, ApiKeyStore keys, ApiKeyUsage usage, Clock clock) {
        this.queueSizes = queueSizes;
        this.controller = controller;
        this.trxHistory = trxHistory;
        this.keys = keys;
        this.usage = usage;
        this.clock = clock;
    }

    /** {@code monitor_queue_size_and_rate_control}. */
    public QueueSnapshot queueSizeAndRateControl() {
        Map<String, Long> sizes = new LinkedHashMap<>(queueSizes.get());
        long backlog = sizes.values().stream().mapToLong(Long::longValue).sum();
        OptionalDouble rate = controller == null ? OptionalDouble.empty()
                : controller.step(backlog, trxHistory.get(), clock.instant());
        QueueSnapshot snapshot = new QueueSnapshot(Map.copyOf(sizes), backlog, rate);
        queues = snapshot;
        LOG.info("queues {} backlog {}{}", sizes, backlog, rate.isPresent()
                ? String.format(java.util.Locale.ROOT, " locate sample rate %.1f%%", rate.getAsDouble()) : "");
        return snapshot;
    }

    /** {@code monitor_api_key_limits}. */
    public List<KeyUsage> apiKeyLimits() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<KeyUsage> result = new java.util.ArrayList<>();
        for (ApiKey key : keys.findAll()) {
            usage.counts(key.validKey(), today).forEach((path, n) ->
                    result.add(new KeyUsage(key.validKey(), path, n, key.maxreq())));
        }
        limits = List.copyOf(result);
        for (KeyUsage u : result) {
            if (u.maxreq() != null && u.maxreq() > 0 && u.requests() >= u.maxreq()) {
                LOG.info("API key {} reached its daily limit on {}: {} of {}", ApiKey.shorten(u.key()), u.path(),
                        u.requests(), u.maxreq());
            }
        }
        return limits;
    }

    /** {@code monitor_api_users}. */
    public List<KeyUsers> apiUsers() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<KeyUsers> result = new java.util.ArrayList<>();
        for (ApiKey key : keys.findAll()) {
            for (ApiType type : ApiType.values()) {
                long n = usage.uniqueUsers(key.validKey(), type, today);
                if (n > 0) {
                    result.add(new KeyUsers(key.validKey(), type, n));
                }
            }
        }
        users = List.copyOf(result);
        return users;
    }

    public QueueSnapshot lastQueues() {
        return queues;
    }

    public List<KeyUsage> lastLimits() {
        return limits;
    }

    public List<KeyUsers> lastUsers() {
        return users;
    }
}
