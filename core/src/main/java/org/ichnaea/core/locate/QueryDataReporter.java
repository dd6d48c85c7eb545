package org.ichnaea.core.locate;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.ichnaea.core.apikey.ApiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns good locate answers into query observations for the pipeline (docs/algorithms.md §10): the best internal
 * result and the query's networks, unless every network was already seen today, sampled by the key's
 * {@code store_sample_locate} and the global rate, go to a {@link QueryDataSink}. Its failures are logged and
 * swallowed.
 */
public final class QueryDataReporter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryDataReporter.class);

    private final QueryDataSink sink;
    private final LocateSampleRate globalRate;
    private final DoubleSupplier random;
    private final Clock clock;

    public QueryDataReporter(QueryDataSink sink, LocateSampleRate globalRate, DoubleSupplier random, Clock clock) {
        this.sink = sink;
        this.globalRate = globalRate;
        this.random = random;
        this.clock = clock;
    }

    /** Reports the query if there is something to learn and it is sampled; answers whether it was enqueued. */
    public boolean report(LocateQuery query, List<Result> internalResults) {
        Optional<Result> best = ResultSelection.best(internalResults);
        if (best.isEmpty()) {
            return false;
        }
        Set<UsedNetwork> seenToday = new HashSet<>();
        for (UsedNetwork used : best.get().usedNetworks()) {
            if (used.seenToday()) {
                seenToday.add(new UsedNetwork(used.type(), used.id(), true));
            }
        }
        if (seenToday.equals(queryNetworks(query))) {
            return false;
        }
        if (!isSampled(query.apiKey())) {
            return false;
        }
        try {
            sink.accept(query, best.get(), clock.millis());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not enqueue query data: {}", e.toString());
            return false;
        }
    }

    /** Rate = store_sample_locate/100 × global/100; stored iff rate > 0 and rate ≥ a uniform draw in [0, 1). */
    boolean isSampled(ApiKey key) {
        double keyRate = key == null ? 100 : key.storeSampleLocate() == null ? 0 : key.storeSampleLocate();
        double global;
        try {
            global = globalRate.percent();
        } catch (RuntimeException e) {
            global = 100;
        }
        double rate = keyRate / 100.0 * global / 100.0;
        return rate > 0 && rate >= random.getAsDouble();
    }

    private static Set<UsedNetwork> queryNetworks(LocateQuery query) {
        Set<UsedNetwork> all = new HashSet<>();
        query.areas().forEach(a -> all.add(new UsedNetwork(NetworkType.AREA, a.areaId().orElseThrow(), true)));
        query.blues().forEach(b -> all.add(new UsedNetwork(NetworkType.BLUE, b.mac(), true)));
        query.cells().forEach(c -> all.add(new UsedNetwork(NetworkType.CELL, c.cellId().orElseThrow(), true)));
        query.wifis().forEach(w -> all.add(new UsedNetwork(NetworkType.WIFI, w.mac(), true)));
        return all;
    }
}
