package org.ichnaea.core.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.geo.BoundingBox;
import org.ichnaea.core.geo.Geodesy;
import org.ichnaea.core.region.RegionShapes;
import org.ichnaea.core.station.StationData;
import org.ichnaea.core.station.StationSource;

/**
 * The station updater's state machine (docs/algorithms.md §13.7) for one station: from its stored state and a
 * batch of observations, the action and the new station data. Pure: the store transaction around it is the
 * adapter's.
 *
 * <pre>
 * state \ obs    gnss consistent  query consistent  gnss inconsistent  query inconsistent
 * none           new              new               new_block          new_block
 * no_position    change           change            no change          no change
 * agree_gnss     change           confirm           block              block
 * agree_query    replace          change            block              block
 * disagree       block            block             block              block
 * disagree_old   replace          replace           block              block
 * </pre>
 */
public final class StationUpdate {

    /** Samples and weight are capped as Ichnaea's columns are. */
    public static final long MAX_SAMPLES = 4_294_967_295L;
    public static final double MAX_WEIGHT = 1e9;
    /** The stored weight counts for at most this much against new observations. */
    public static final double MAX_OLD_WEIGHT = 10_000;
    /** A station not modified for this long may move without being blocked. */
    public static final int OLD_STATION_DAYS = 365;

    /** The outcome: what was done and the station to save (null when nothing is written). */
    public record Outcome(StationAction action, StationData station) {
    }

    private StationUpdate() {
    }

    /**
     * Applies observations to a station.
     *
     * @param existing the stored station, null when there is none
     * @param observations at least one, all of positive weight
     */
    public static Outcome apply(StationKind kind, StationData existing, List<StationObservation> observations,
                                Instant now, RegionShapes regions) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond(), 86_400L));
        if (existing != null && existing.isBlocked(today)) {
            return new Outcome(StationAction.DROPPED, null);
        }
        List<StationObservation> gnss = new ArrayList<>();
        List<StationObservation> query = new ArrayList<>();
        for (StationObservation o : observations) {
            (o.isQuery() ? query : gnss).add(o);
        }
        boolean fromQuery = gnss.isEmpty();
        List<StationObservation> used = fromQuery ? query : gnss;
        StationSource source = fromQuery ? StationSource.QUERY : StationSource.GNSS;
        Aggregate obs = Aggregate.of(used);
        boolean consistent = obs.box.diagonalMeters() <= kind.maxDistanceMeters();

        State state = state(kind, existing, used, today);
        StationAction action = switch (state) {
            case NONE -> consistent ? StationAction.NEW : StationAction.NEW_BLOCK;
            case NO_POSITION -> consistent ? StationAction.CHANGE : StationAction.NO_CHANGE;
            case AGREE_GNSS -> !consistent ? StationAction.BLOCK
                    : fromQuery ? StationAction.CONFIRM : StationAction.CHANGE;
            case AGREE_QUERY -> !consistent ? StationAction.BLOCK
                    : fromQuery ? StationAction.CHANGE : StationAction.REPLACE;
            case DISAGREE -> StationAction.BLOCK;
            case DISAGREE_OLD -> consistent ? StationAction.REPLACE : StationAction.BLOCK;
        };
        return switch (action) {
            case NEW -> new Outcome(action, new StationData(obs.lat, obs.lon, obs.box.maxLat(), obs.box.minLat(),
                    obs.box.maxLon(), obs.box.minLon(), obs.box.circleRadius(obs.lat, obs.lon),
                    regions.region(obs.lat, obs.lon).orElse(null), capSamples(obs.count), source,
                    capWeight(obs.weight), now, now, today, null, null, null));
            case NEW_BLOCK -> new Outcome(action, new StationData(null, null, null, null, null, null, null, null,
                    null, null, null, now, now, null, today, today, 1));
            case CHANGE -> new Outcome(action, change(existing, obs, source, now, today, regions));
            case REPLACE -> new Outcome(action, new StationData(obs.lat, obs.lon, obs.box.maxLat(), obs.box.minLat(),
                    obs.box.maxLon(), obs.box.minLon(), obs.box.circleRadius(obs.lat, obs.lon),
                    regions.region(obs.lat, obs.lon).orElse(null), capSamples(obs.count), source,
                    capWeight(obs.weight), existing.created(), now, today, existing.blockFirst(),
                    existing.blockLast(), existing.blockCount()));
            case CONFIRM -> existing.isSeenOn(today) ? new Outcome(StationAction.NO_CHANGE, null)
                    : new Outcome(action, existing.withTimes(existing.created(), existing.modified(), today));
            case BLOCK -> new Outcome(action, new StationData(null, null, null, null, null, null, null,
                    existing.region(), null, null, null, existing.created(), now, null,
                    existing.blockFirst() != null ? existing.blockFirst() : today, today,
                    existing.blockCount() == null ? 1 : Math.min(existing.blockCount() + 1, 255)));
            case NO_CHANGE, DROPPED -> new Outcome(action, null);
        };
    }

    private static StationData change(StationData existing, Aggregate obs, StationSource source, Instant now,
                                      LocalDate today, RegionShapes regions) {
        boolean hadPosition = existing.hasPosition();
        double oldWeight = hadPosition ? Math.min(existing.weight() == null ? 0 : existing.weight(), MAX_OLD_WEIGHT)
                : 0;
        double lat = hadPosition ? (obs.lat * obs.weight + existing.lat() * oldWeight) / (obs.weight + oldWeight)
                : obs.lat;
        double lon = hadPosition ? (obs.lon * obs.weight + existing.lon() * oldWeight) / (obs.weight + oldWeight)
                : obs.lon;
        BoundingBox box = obs.box;
        if (hadPosition) {
            box = box.extend(existing.lat(), existing.lon());
            if (existing.maxLat() != null && existing.minLat() != null && existing.maxLon() != null
                    && existing.minLon() != null) {
                box = box.union(new BoundingBox(existing.minLat(), existing.minLon(), existing.maxLat(),
                        existing.maxLon()));
            }
        }
        String region = existing.region() != null && regions.inRegion(lat, lon, existing.region())
                ? existing.region() : regions.region(lat, lon).orElse(null);
        long samples = (existing.samples() == null ? 0 : existing.samples()) + obs.count;
        double weight = (existing.weight() == null ? 0 : existing.weight()) + obs.weight;
        return new StationData(lat, lon, box.maxLat(), box.minLat(), box.maxLon(), box.minLon(),
                box.circleRadius(lat, lon), region, capSamples(samples), source, capWeight(weight),
                existing.created() != null ? existing.created() : now, now, today, existing.blockFirst(),
                existing.blockLast(), existing.blockCount());
    }

    private enum State { NONE, NO_POSITION, AGREE_GNSS, AGREE_QUERY, DISAGREE, DISAGREE_OLD }

    private static State state(StationKind kind, StationData existing, List<StationObservation> used,
                               LocalDate today) {
        if (existing == null) {
            return State.NONE;
        }
        if (!existing.hasPosition()) {
            return State.NO_POSITION;
        }
        boolean agree = true;
        for (StationObservation o : used) {
            if (Geodesy.distance(existing.lat(), existing.lon(), o.lat(), o.lon()) > kind.maxDistanceMeters()) {
                agree = false;
                break;
            }
        }
        if (agree) {
            return existing.source() == StationSource.QUERY ? State.AGREE_QUERY : State.AGREE_GNSS;
        }
        LocalDate modified = existing.modified() == null ? null
                : LocalDate.ofEpochDay(Math.floorDiv(existing.modified().getEpochSecond(), 86_400L));
        if (modified != null && modified.isBefore(today.minus(OLD_STATION_DAYS, ChronoUnit.DAYS))) {
            return State.DISAGREE_OLD;
        }
        return State.DISAGREE;
    }

    private static long capSamples(long samples) {
        return Math.min(samples, MAX_SAMPLES);
    }

    private static double capWeight(double weight) {
        return Math.min(weight, MAX_WEIGHT);
    }

    /** Weighted mean, bounding box, count and total weight of the used observations. */
    private record Aggregate(double lat, double lon, BoundingBox box, int count, double weight) {
        static Aggregate of(List<StationObservation> observations) {
            double lat = 0;
            double lon = 0;
            double weight = 0;
            BoundingBox box = null;
            for (StationObservation o : observations) {
                lat += o.lat() * o.weight();
                lon += o.lon() * o.weight();
                weight += o.weight();
                box = box == null ? BoundingBox.of(o.lat(), o.lon()) : box.extend(o.lat(), o.lon());
            }
            return new Aggregate(lat / weight, lon / weight, box, observations.size(), weight);
        }
    }
}
