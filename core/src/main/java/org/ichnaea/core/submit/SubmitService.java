package org.ichnaea.core.submit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MobileCountryCodes;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts submissions (docs/api.md "/v2/geosubmit", "/v1/geosubmit", "/v1/submit"): normalises each report, drops what
 * cannot be used (entries without a valid network id, networks opted out of mapping, reports left without networks),
 * samples by the key's {@code store_sample_submit}, and appends the rest to the {@code update_incoming} queue. Nothing
 * accepted is lost: a queue failure surfaces as {@link org.ichnaea.core.StoreUnavailableException} so the client keeps
 * its data.
 */
public final class SubmitService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitService.class);
    private static final long MIN_TIMESTAMP = 1_000_000_000_000L;
    private static final long MAX_TIMESTAMP = 10_000_000_000_000L;

    private final DataQueue<IncomingReport> incoming;
    private final MobileCountryCodes mccs;
    private final DoubleSupplier random;
    private final Clock clock;

    public SubmitService(DataQueue<IncomingReport> incoming, MobileCountryCodes mccs, DoubleSupplier random,
                         Clock clock) {
        this.incoming = incoming;
        this.mccs = mccs;
        this.random = random;
        this.clock = clock;
    }

    /** What a submission came to: reports queued, reports dropped as unusable, and whether sampling skipped it. */
    public record Outcome(int queued, int dropped, boolean sampledOut) {
    }

    public Outcome submit(List<ReportInput> reports, ApiKey key) {
        if (!isSampled(key)) {
            return new Outcome(0, 0, true);
        }
        List<IncomingReport> items = new ArrayList<>(reports.size());
        int dropped = 0;
        for (ReportInput input : reports) {
            Optional<Report> report = normalise(input);
            if (report.isPresent()) {
                ReportPosition position = report.get().position();
                StationSource source = position == null || position.source() == null ? StationSource.GNSS
                        : position.source();
                items.add(new IncomingReport(key == null ? null : key.validKey(), source, report.get()));
            } else {
                dropped++;
            }
        }
        if (!items.isEmpty()) {
            incoming.enqueue(items);
        }
        if (dropped > 0) {
            LOG.info("submission: {} reports queued, {} dropped without usable networks", items.size(), dropped);
        }
        return new Outcome(items.size(), dropped, false);
    }

    /** store_sample_submit / 100 ≥ a uniform draw; anonymous submissions are always taken. */
    private boolean isSampled(ApiKey key) {
        if (key == null) {
            return true;
        }
        double rate = (key.storeSampleSubmit() == null ? 0 : key.storeSampleSubmit()) / 100.0;
        return rate > 0 && rate >= random.getAsDouble();
    }

    /** The report in normal form, or empty when it has no usable network left. */
    public Optional<Report> normalise(ReportInput input) {
        List<BlueObservation> blues = new ArrayList<>();
        for (var b : input.blues()) {
            BlueObservation.validate(b.macAddress(), b.age(), b.signalStrength(), b.name()).ifPresent(blues::add);
        }
        List<WifiObservation> wifis = new ArrayList<>();
        for (var w : input.wifis()) {
            WifiObservation.validate(w.macAddress(), w.age(), w.channel(), w.frequency(), w.signalStrength(),
                    w.signalToNoiseRatio(), w.ssid()).filter(o -> !o.isOptedOut()).ifPresent(wifis::add);
        }
        List<CellObservation> cells = new ArrayList<>();
        for (var c : input.cells()) {
            String radio = c.radioType() != null ? c.radioType() : input.radioType();
            CellObservation.validate(radio, c.mobileCountryCode(), c.mobileNetworkCode(), c.locationAreaCode(),
                    c.cellId(), c.psc(), c.age(), c.signalStrength(), c.asu(), c.timingAdvance(), mccs)
                    .filter(o -> o.areaId().isPresent())
                    .ifPresent(cells::add);
        }
        if (blues.isEmpty() && wifis.isEmpty() && cells.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Long ts = input.timestamp();
        long timestamp = ts == null || ts <= MIN_TIMESTAMP || ts >= MAX_TIMESTAMP ? now : ts;
        return Optional.of(new Report(timestamp, position(input.position()), blues, cells, wifis, null, null));
    }

    private static ReportPosition position(ReportInput.Position p) {
        if (p == null || p.latitude() == null || p.longitude() == null || !Double.isFinite(p.latitude())
                || !Double.isFinite(p.longitude())) {
            return null;
        }
        return new ReportPosition(p.latitude(), p.longitude(), finite(p.accuracy()), finite(p.altitude()),
                finite(p.altitudeAccuracy()), finite(p.heading()), finite(p.pressure()), finite(p.speed()),
                p.age() == null || p.age() > Integer.MAX_VALUE || p.age() < Integer.MIN_VALUE ? null
                        : (int) (long) p.age(),
                StationSource.parse(p.source()).orElse(null));
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
