package org.ichnaea.app;

import io.micrometer.core.instrument.Clock;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;

/** The StatsD agent of {@code STATSD_HOST} (docs/configuration.md). */
final class Statsd {

    private Statsd() {
    }

    /**
     * A registry that sends every meter to the agent over UDP: Datadog-style tags (Ichnaea's metrics were tagged too),
     * one datagram per line as it is recorded, gauges every 10 s.
     */
    static StatsdMeterRegistry registry(Settings.Telemetry telemetry) {
        return new StatsdMeterRegistry(new StatsdConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public StatsdFlavor flavor() {
                return StatsdFlavor.DATADOG;
            }

            @Override
            public String host() {
                return telemetry.statsdHost();
            }

            @Override
            public int port() {
                return telemetry.statsdPort();
            }

            @Override
            public boolean buffered() {
                return false;
            }
        }, Clock.SYSTEM);
    }
}
