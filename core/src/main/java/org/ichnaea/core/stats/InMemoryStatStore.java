package org.ichnaea.core.stats;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@link StatStore} in memory, for tests and embedding. */
public final class InMemoryStatStore implements StatStore {

    private final Map<StatKey, TreeMap<LocalDate, Long>> rows = new EnumMap<>(StatKey.class);

    @Override
    public synchronized void add(StatKey key, LocalDate day, long delta) {
        TreeMap<LocalDate, Long> days = rows.computeIfAbsent(key, k -> new TreeMap<>());
        Long existing = days.get(day);
        if (existing != null) {
            days.put(day, existing + delta);
        } else {
            Map.Entry<LocalDate, Long> earlier = days.lowerEntry(day);
            days.put(day, (earlier == null ? 0 : earlier.getValue()) + delta);
        }
        days.tailMap(day, false).replaceAll((d, total) -> total + delta);
    }

    @Override
    public synchronized OptionalLong latest(StatKey key, LocalDate day) {
        TreeMap<LocalDate, Long> days = rows.get(key);
        Map.Entry<LocalDate, Long> entry = days == null ? null : days.floorEntry(day);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.getValue());
    }

    @Override
    public synchronized NavigableMap<LocalDate, Long> series(StatKey key, LocalDate from) {
        TreeMap<LocalDate, Long> days = rows.get(key);
        return days == null ? new TreeMap<>() : new TreeMap<>(days.tailMap(from, true));
    }

    @Override
    public synchronized int deleteBefore(LocalDate day) {
        int deleted = 0;
        for (TreeMap<LocalDate, Long> days : rows.values()) {
            NavigableMap<LocalDate, Long> old = days.headMap(day, false);
            deleted += old.size();
            old.clear();
        }
        return deleted;
    }
}
