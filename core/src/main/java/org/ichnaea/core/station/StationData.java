package org.ichnaea.core.station;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What the service knows of one network: its estimated position and bounding box, how it was learned, and its
 * block history (docs/storage.md "Station columns"). Every field may be null; a station without a position is blocked
 * or not yet placed.
 */
public record StationData(Double lat, Double lon, Double maxLat, Double minLat, Double maxLon, Double minLon,
                          Integer radius, String region, Long samples, StationSource source, Double weight,
                          Instant created, Instant modified, LocalDate lastSeen, LocalDate blockFirst,
                          LocalDate blockLast, Integer blockCount) {

    /**
     * A temporary block lasts this many days after {@code block_last} (docs/storage.md "Blocked stations": "48 hours").
     */
    public static final int TEMPORARY_BLOCK_DAYS = 2;
    /** A station may be blocked once per this many days of known life before the block becomes permanent. */
    public static final int PERMANENT_BLOCK_DAYS_PER_BLOCK = 30;
    /**
     * {@code block_last} of a block an operator set ({@code station block}): the last date a {@code DATE} column
     * holds. The first rule of {@link #isBlocked} (within two days after {@code block_last}) then holds on every date,
     * in this service and in Ichnaea's code alike, whatever the station's age and block count.
     */
    public static final LocalDate BLOCKED_FOR_GOOD = LocalDate.of(9999, 12, 31);

    public StationData {
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and lon are set together or not at all");
        }
    }

    /** A station at a position with one sample, created and seen at {@code now}. */
    public static StationData at(double lat, double lon, int radius, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return new StationData(lat, lon, lat, lat, lon, lon, radius, null, 1L, StationSource.GNSS, 1.0, now, now,
                today, null, null, null);
    }

    public boolean hasPosition() {
        return lat != null;
    }

    /**
     * Whether the station is blocked today (docs/storage.md "Blocked stations"): within two days of its last block, or
     * blocked more often than once per 30 days of its life (Python's half-even rounding of days/30). A null or zero
     * block count never blocks by the second rule.
     */
    public boolean isBlocked(LocalDate today) {
        if (blockLast != null && ChronoUnit.DAYS.between(blockLast, today) < TEMPORARY_BLOCK_DAYS) {
            return true;
        }
        if (created != null && blockCount != null && blockCount > 0) {
            long ageDays = Math.abs(today.toEpochDay() - Math.floorDiv(created.getEpochSecond(), 86_400L));
            return blockCount >= Math.rint(ageDays / (double) PERMANENT_BLOCK_DAYS_PER_BLOCK);
        }
        return false;
    }

    /** Whether an operator blocked this station for good ({@link #blockedForGood}). */
    public boolean isBlockedForGood() {
        return BLOCKED_FOR_GOOD.equals(blockLast);
    }

    /**
     * The station an operator's block leaves ({@code station block}; an opt-out request, a wrong cell): no position,
     * no region, no samples, nothing a query or an export could show, and blocked on every date to come, so that the
     * pipeline drops every later observation of it (StationUpdate's first rule) instead of learning it again. Its
     * creation time and first block are kept; the block count goes up by one, as for a block the pipeline sets.
     *
     * @param existing the stored station, or null to block one never seen
     */
    public static StationData blockedForGood(StationData existing, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Integer count = existing == null || existing.blockCount() == null ? 1
                : Math.min(existing.blockCount() + 1, 255);
        return new StationData(null, null, null, null, null, null, null, null, null, null, null,
                existing != null && existing.created() != null ? existing.created() : now, now, null,
                existing != null && existing.blockFirst() != null ? existing.blockFirst() : today, BLOCKED_FOR_GOOD,
                count);
    }

    /** Whether the locate APIs may use this station: it has a position and is not blocked. */
    public boolean isUsable(LocalDate today) {
        return hasPosition() && !isBlocked(today);
    }

    /** Whether the station was last seen on {@code today} or later. */
    public boolean isSeenOn(LocalDate today) {
        return lastSeen != null && !lastSeen.isBefore(today);
    }

    /** A copy with another region. */
    public StationData withRegion(String newRegion) {
        return new StationData(lat, lon, maxLat, minLat, maxLon, minLon, radius, newRegion, samples, source, weight,
                created, modified, lastSeen, blockFirst, blockLast, blockCount);
    }

    /** A copy with other sample count and radius. */
    public StationData withSamples(Long newSamples, Integer newRadius) {
        return new StationData(lat, lon, maxLat, minLat, maxLon, minLon, newRadius, region, newSamples, source,
                weight, created, modified, lastSeen, blockFirst, blockLast, blockCount);
    }

    /** A copy with another creation, modification and last-seen time. */
    public StationData withTimes(Instant newCreated, Instant newModified, LocalDate newLastSeen) {
        return new StationData(lat, lon, maxLat, minLat, maxLon, minLon, radius, region, samples, source, weight,
                newCreated, newModified, newLastSeen, blockFirst, blockLast, blockCount);
    }

    /** A copy with another block history. */
    public StationData withBlocks(LocalDate newBlockFirst, LocalDate newBlockLast, Integer newBlockCount) {
        return new StationData(lat, lon, maxLat, minLat, maxLon, minLon, radius, region, samples, source, weight,
                created, modified, lastSeen, newBlockFirst, newBlockLast, newBlockCount);
    }
}
