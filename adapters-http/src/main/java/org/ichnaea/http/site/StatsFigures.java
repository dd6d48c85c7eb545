package org.ichnaea.http.site;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.ichnaea.core.stats.RegionStat;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.core.stats.StatStore;

/** The figures of {@code /stats} and its JSON feeds (docs/site.md), computed from the stores. */
final class StatsFigures {

    /** One row of a "Value (in millions)" table. */
    record Metric(String name, String value) {
    }

    /** One row of {@code /stats/regions}, numbers already formatted. */
    record RegionRow(String code, String name, String gsm, String wcdma, String lte, String nr, String cells,
                     String blue, String wifi) {
    }

    /** The feeds' window, as Ichnaea's {@code histogram(days=365)}. */
    static final int FEED_DAYS = 365;

    private StatsFigures() {
    }

    /** Ichnaea's {@code "%.2f"} of {@code floor(v / 10000) / 100}: 1,500,000 gives "1.50", 1,234,567 "1.23". */
    static String millions(long value) {
        return String.format(Locale.ROOT, "%.2f", Math.floor(value / 10000.0) / 100);
    }

    /** Today's row, else the latest earlier one, else 0. */
    static long current(StatStore stats, StatKey key, LocalDate today) {
        return stats.latest(key, today).orElse(0);
    }

    /** The first table of {@code /stats}: Bluetooth and Wi-Fi. */
    static List<Metric> metrics1(StatStore stats, LocalDate today) {
        return List.of(
                new Metric("Bluetooth Networks", millions(current(stats, StatKey.UNIQUE_BLUE, today))),
                new Metric("Bluetooth Observations", millions(current(stats, StatKey.BLUE, today))),
                new Metric("Wifi Networks", millions(current(stats, StatKey.UNIQUE_WIFI, today))),
                new Metric("Wifi Observations", millions(current(stats, StatKey.WIFI, today))));
    }

    /** The second table of {@code /stats}: cells. */
    static List<Metric> metrics2(StatStore stats, LocalDate today) {
        return List.of(
                new Metric("MLS Cells", millions(current(stats, StatKey.UNIQUE_CELL, today))),
                new Metric("MLS Cell Observations", millions(current(stats, StatKey.CELL, today))));
    }

    /**
     * The body of {@code /stats_{wifi,cell,blue}.json}: {@code {"series": [{"title", "data": [[ms, max], ...]}]}},
     * one point per month of the rows on or after {@code today - 365 days}, at the first of the month (UTC), with
     * the month's largest value.
     */
    static Map<String, Object> feed(String title, StatStore stats, StatKey key, LocalDate today) {
        List<List<Long>> data = monthlyMax(stats.series(key, today.minusDays(FEED_DAYS)));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("title", title);
        series.put("data", data);
        return Map.of("series", List.of(series));
    }

    /** {@code [[epoch ms of the 1st of the month, largest value of the month], ...]}, oldest month first. */
    static List<List<Long>> monthlyMax(NavigableMap<LocalDate, Long> days) {
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        days.forEach((day, value) -> months.merge(YearMonth.from(day), value, Math::max));
        List<List<Long>> data = new ArrayList<>(months.size());
        months.forEach((month, max) -> data.add(List.of(
                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), max)));
        return data;
    }

    /** The region's English name (from the JDK's ISO 3166 names), or its code when the JDK has none. */
    static String regionName(String code) {
        try {
            Locale locale = new Locale.Builder().setRegion(code).build();
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
        } catch (java.util.IllformedLocaleException e) {
            return code;
        }
    }

    static RegionRow row(RegionStat stat) {
        return new RegionRow(stat.region(), regionName(stat.region()), count(stat.gsm()), count(stat.wcdma()),
                count(stat.lte()), count(stat.nr()), count(stat.cells()), count(stat.blue()), count(stat.wifi()));
    }

    /** 1234567 as "1,234,567". */
    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
