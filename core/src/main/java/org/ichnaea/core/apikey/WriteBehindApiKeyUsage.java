package org.ichnaea.core.apikey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage counting without a round trip per request: {@link #record} counts in memory and answers the day's count as
 * last read from the store plus what this process counted since; a background thread sends what was counted every
 * {@code period} in one batch per counter ({@link ApiKeyUsage#recordAll}) and learns the store's totals, which
 * include the other processes' requests. So a daily limit may be passed by what all web processes serve within one
 * period (docs/api.md, "Usage counters"). A failed batch is kept and sent with the next one; at most
 * {@link #MAX_ADDRESSES} client addresses per counter wait, the rest only count (unique users are an estimate, a
 * HyperLogLog in Redis, anyway). The reads ({@link #uniqueUsers}, {@link #counts}, {@link #keysUsed}) go to the
 * store.
 */
public final class WriteBehindApiKeyUsage implements ApiKeyUsage, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindApiKeyUsage.class);
    /** Client addresses kept per counter between two batches. */
    static final int MAX_ADDRESSES = 10_000;

    private record Counter(String key, ApiType type, String apiPath, LocalDate day) {
    }

    /** What this process counted and not yet sent, what is being sent, and the store's total as last learned. */
    private static final class Pending {
        long requests;
        long sending;
        final Set<String> addresses = new LinkedHashSet<>();
        long known;
    }

    private final ApiKeyUsage store;
    private final Map<Counter, Pending> counters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    /** @param period how often the counts go to {@code store}; a flusher thread is started */
    public WriteBehindApiKeyUsage(ApiKeyUsage store, Duration period) {
        this.store = store;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "usage-write-behind");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, period.toMillis());
        flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long record(String key, ApiType type, String apiPath, String clientIp, LocalDate day) {
        Pending pending = counters.computeIfAbsent(new Counter(key, type, apiPath, day), c -> new Pending());
        synchronized (pending) {
            pending.requests++;
            if (pending.addresses.size() < MAX_ADDRESSES) {
                pending.addresses.add(clientIp);
            }
            return pending.known + pending.sending + pending.requests;
        }
    }

    @Override
    public long recordAll(String key, ApiType type, String apiPath, java.util.Collection<String> clientIps,
                          long requests, LocalDate day) {
        return store.recordAll(key, type, apiPath, clientIps, requests, day);
    }

    /** Sends what was counted; counters of past days that have nothing to send are dropped. */
    public void flush() {
        LocalDate yesterday = null;
        for (Map.Entry<Counter, Pending> entry : counters.entrySet()) {
            Counter counter = entry.getKey();
            Pending pending = entry.getValue();
            long requests;
            Set<String> addresses;
            synchronized (pending) {
                requests = pending.requests;
                addresses = new LinkedHashSet<>(pending.addresses);
                pending.sending = requests;
                pending.requests = 0;
                pending.addresses.clear();
            }
            if (requests == 0) {
                if (yesterday == null) {
                    yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
                }
                if (counter.day().isBefore(yesterday)) {
                    counters.remove(counter, pending);
                }
                continue;
            }
            try {
                long total = store.recordAll(counter.key(), counter.type(), counter.apiPath(), addresses, requests,
                        counter.day());
                synchronized (pending) {
                    pending.known = total;
                    pending.sending = 0;
                }
            } catch (RuntimeException e) { // a StoreUnavailableException, or any fault of the store
                synchronized (pending) {
                    pending.sending = 0;
                    pending.requests += requests;
                    for (String address : addresses) {
                        if (pending.addresses.size() >= MAX_ADDRESSES) {
                            break;
                        }
                        pending.addresses.add(address);
                    }
                }
                LOG.warn("usage counters: {} requests of one key not sent yet: {}", requests, e.getMessage());
                return;
            }
        }
    }

    @Override
    public long uniqueUsers(String key, ApiType type, LocalDate day) {
        return store.uniqueUsers(key, type, day);
    }

    @Override
    public Map<String, Long> counts(String key, LocalDate day) {
        return store.counts(key, day);
    }

    @Override
    public Set<String> keysUsed(LocalDate day) {
        return store.keysUsed(day);
    }

    /** Sends what is left and stops the flusher. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
