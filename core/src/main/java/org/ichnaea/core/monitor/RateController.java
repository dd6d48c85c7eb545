package org.ichnaea.core.monitor;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic rate control of docs/algorithms.md §13.5: when {@code rate_controller_enabled} is 1, a PID
 * controller (the arithmetic of Python's simple-pid: proportional on error, integral clamped to the output limits,
 * derivative on measurement) steers the pipeline backlog towards {@code rate_controller_target} by setting the
 * share of locate queries that become query observations: {@code 100 × clamp(output / target, 0, 1)} percent. When
 * the database's transaction history exceeds {@code trx_max} it stops sampling until the history drops below
 * {@code trx_min}. Invalid knobs disable it (logged) and leave the rate alone.
 */
public final class RateController {

    private static final Logger LOG = LoggerFactory.getLogger(RateController.class);
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?[0-9.eE+-]+|null)");

    private final RateControlStore store;

    public RateController(RateControlStore store) {
        this.store = store;
    }

    /** The knobs, validated. */
    record Knobs(double target, double kp, double ki, double kd, long trxMax, long trxMin) {
    }

    /**
     * One control step with the current backlog and, when known, the transaction history length. Answers the new
     * sample rate in percent, or empty when the controller is off or misconfigured.
     */
    public OptionalDouble step(long backlog, OptionalLong trxHistory, Instant now) {
        Map<String, String> values = store.read();
        if (!"1".equals(trim(values.get(RateControlStore.ENABLED)))) {
            return OptionalDouble.empty();
        }
        Knobs knobs;
        try {
            knobs = knobs(values);
        } catch (IllegalArgumentException e) {
            LOG.warn("rate controller disabled: {}", e.getMessage());
            return OptionalDouble.empty();
        }
        boolean purging = "1".equals(trim(values.get(RateControlStore.TRX_PURGING)));
        if (trxHistory.isPresent()) {
            long history = trxHistory.getAsLong();
            if (!purging && history > knobs.trxMax()) {
                purging = true;
                LOG.warn("transaction history {} above {}: query observations paused", history, knobs.trxMax());
            } else if (purging && history < knobs.trxMin()) {
                purging = false;
                LOG.info("transaction history {} below {}: query observations resume", history, knobs.trxMin());
            }
        }
        State state = State.parse(values.get(RateControlStore.STATE));
        double seconds = state.lastTime == null ? 1e-16
                : Math.max((now.toEpochMilli() - state.lastTime) / 1000.0, 1e-16);
        double error = knobs.target() - backlog;
        double proportional = knobs.kp() * error;
        double integral = clamp(state.integral + knobs.ki() * error * seconds, 0, knobs.target());
        double dInput = state.lastInput == null ? 0 : backlog - state.lastInput;
        double derivative = -knobs.kd() * dInput / seconds;
        double output = clamp(proportional + integral + derivative, 0, knobs.target());
        double rate = purging ? 0 : knobs.target() == 0 ? 0 : 100 * clamp(output / knobs.target(), 0, 1);
        store.write(new State(integral, (double) backlog, now.toEpochMilli(), output).json(), purging, rate);
        return OptionalDouble.of(rate);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    static Knobs knobs(Map<String, String> values) {
        double target = number(values, RateControlStore.TARGET, null);
        if (target < 0) {
            throw new IllegalArgumentException("rate_controller_target must be 0 or more, not " + target);
        }
        double kp = number(values, RateControlStore.KP, 8.0);
        double ki = number(values, RateControlStore.KI, 0.0);
        double kd = number(values, RateControlStore.KD, 0.0);
        long trxMax = (long) number(values, RateControlStore.TRX_MAX, 1_000_000.0);
        long trxMin = (long) number(values, RateControlStore.TRX_MIN, 1_000.0);
        if (trxMin > trxMax) {
            throw new IllegalArgumentException("rate_controller_trx_min " + trxMin + " above trx_max " + trxMax);
        }
        return new Knobs(target, kp, ki, kd, trxMax, trxMin);
    }

    private static double number(Map<String, String> values, String name, Double fallback) {
        String raw = trim(values.get(name));
        if (raw == null || raw.isEmpty()) {
            if (fallback == null) {
                throw new IllegalArgumentException("rate_controller_" + name + " is required");
            }
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate_controller_" + name + " is not a number: " + raw);
        }
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** The controller's memory between steps, kept as JSON in {@code rate_controller_state}. */
    record State(double integral, Double lastInput, Long lastTime, double lastOutput) {

        static State parse(String json) {
            double integral = 0;
            Double lastInput = null;
            Long lastTime = null;
            double lastOutput = 0;
            if (json != null) {
                Matcher m = NUMBER.matcher(json);
                while (m.find()) {
                    String value = m.group(2);
                    if ("null".equals(value)) {
                        continue;
                    }
                    try {
                        switch (m.group(1)) {
                            case "integral" -> integral = Double.parseDouble(value);
                            case "last_input" -> lastInput = Double.parseDouble(value);
                            case "last_time" -> lastTime = (long) Double.parseDouble(value);
                            case "last_output" -> lastOutput = Double.parseDouble(value);
                            default -> { }
                        }
                    } catch (NumberFormatException e) {
                        LOG.debug("ignoring a bad rate controller state value {}", value);
                    }
                }
            }
            return new State(Double.isFinite(integral) ? integral : 0, lastInput, lastTime, lastOutput);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"integral\": %s, \"last_input\": %s, \"last_time\": %d, "
                    + "\"last_output\": %s}", integral, lastInput, lastTime, lastOutput);
        }
    }
}
