package org.ichnaea.core.apikey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Usage counters in memory, for one process (the embedded default and tests). Days older than the last eight are
 * forgotten, as the Redis keys expire.
 */
public final class InMemoryApiKeyUsage implements ApiKeyUsage {

    private record Counter(String key, String apiPath, LocalDate day) {
    }

    private record Users(String key, ApiType type, LocalDate day) {
    }

    private final ConcurrentMap<Counter, AtomicLong> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Users, Set<String>> users = new ConcurrentHashMap<>();

    @Override
    public long record(String key, ApiType type, String apiPath, String clientIp, LocalDate day) {
        forgetBefore(day.minusDays(8));
        users.computeIfAbsent(new Users(key, type, day), k -> ConcurrentHashMap.newKeySet()).add(clientIp);
        return counters.computeIfAbsent(new Counter(key, apiPath, day), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long recordAll(String key, ApiType type, String apiPath, java.util.Collection<String> clientIps,
                          long requests, LocalDate day) {
        forgetBefore(day.minusDays(8));
        users.computeIfAbsent(new Users(key, type, day), k -> ConcurrentHashMap.newKeySet()).addAll(clientIps);
        return counters.computeIfAbsent(new Counter(key, apiPath, day), k -> new AtomicLong()).addAndGet(requests);
    }

    @Override
    public long uniqueUsers(String key, ApiType type, LocalDate day) {
        Set<String> set = users.get(new Users(key, type, day));
        return set == null ? 0 : set.size();
    }

    @Override
    public Map<String, Long> counts(String key, LocalDate day) {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((counter, count) -> {
            if (counter.key().equals(key) && counter.day().equals(day)) {
                counts.put(counter.apiPath(), count.get());
            }
        });
        return counts;
    }

    @Override
    public Set<String> keysUsed(LocalDate day) {
        Set<String> keys = new TreeSet<>();
        counters.keySet().forEach(counter -> {
            if (counter.day().equals(day)) {
                keys.add(counter.key());
            }
        });
        return keys;
    }

    private void forgetBefore(LocalDate oldest) {
        if (counters.size() > 1000) {
            counters.keySet().removeIf(c -> c.day().isBefore(oldest));
            users.keySet().removeIf(u -> u.day().isBefore(oldest));
        }
    }
}
