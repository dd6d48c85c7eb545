package org.ichnaea.core.station;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How much a station or area is trusted at a given moment (docs/algorithms.md §4): age weight × collection
 * weight × sample weight. A fresh station with one sample scores 0.05; a well-established one up to 10.
 */
public final class StationScore {

    private StationScore() {
    }

    /** The score of a Wi-Fi, Bluetooth or cell station at {@code now}. */
    public static double of(StationData station, Instant now) {
        LocalDate start = dateOf(station.created());
        if (station.blockLast() != null && (start == null || station.blockLast().isAfter(start))) {
            start = station.blockLast();
        }
        long samples = station.samples() == null ? 0 : station.samples();
        if (samples > 1 && (station.radius() == null || station.radius() == 0)) {
            samples = 1;
        }
        double sampleWeight = Math.min(Math.max(log2(Math.max(samples, 1)), 0.5), 10.0);
        return ageWeight(station.modified(), now) * collectionWeight(start, station.modified(), station.lastSeen(),
                now) * sampleWeight;
    }

    /** The score of a cell area at {@code now}: the sample weight is √(number of cells), at most 10. */
    public static double of(CellArea area, Instant now) {
        long cells = area.numCells();
        if (cells > 1 && area.radius() == 0) {
            cells = 1;
        }
        double sampleWeight = Math.min(Math.sqrt(Math.max(cells, 1)), 10.0);
        return ageWeight(area.modified(), now) * collectionWeight(dateOf(area.created()), area.modified(),
                area.lastSeen(), now) * sampleWeight;
    }

    /** 1/√(months+1), with months = whole days since the last modification, divided by 30. */
    static double ageWeight(Instant modified, Instant now) {
        long days = modified == null ? 0 : Math.max(Math.floorDiv(Duration.between(modified, now).toSeconds(),
                86_400L), 0);
        long months = days / 30;
        return 1.0 / Math.sqrt(months + 1);
    }

    /** min(days collected over / 10, 1), with at least one day. */
    static double collectionWeight(LocalDate start, Instant modified, LocalDate lastSeen, Instant now) {
        LocalDate last = dateOf(modified);
        if (lastSeen != null && (last == null || lastSeen.isAfter(last))) {
            last = lastSeen;
        }
        if (last == null) {
            last = dateOf(now);
        }
        if (start == null) {
            start = last;
        }
        long over = Math.max(ChronoUnit.DAYS.between(start, last), 1);
        return Math.min(over / 10.0, 1.0);
    }

    private static double log2(long value) {
        return Math.log(value) / Math.log(2);
    }

    private static LocalDate dateOf(Instant instant) {
        return instant == null ? null : LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L));
    }
}
