package org.ichnaea.core.station;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a cell is heard, by how it is heard: the mean position of its GNSS observations per band of received
 * power (6 dB wide) and per timing advance (docs/algorithms.md §14.3). A query that reports its
 * signal or timing advance is answered from the observations that heard the cell the same way, which are much
 * nearer to it than the mean of all of them (on the team's data sets, the median error of a one-cell answer fell by
 * a fifth to a quarter). Immutable; stored with the cell as a few bytes per band.
 */
public final class CellProfile {

    /** Width of a signal band in dB. */
    public static final int SIGNAL_BAND_DB = 6;
    /** Bands kept per cell, the most observed ones. */
    public static final int MAX_BANDS = 48;
    /** A band's old samples count for at most this much against new ones, so a profile follows a moved cell. */
    public static final int MAX_OLD_SAMPLES = 1000;
    /** The share of a cell's samples a profile answer is built from, at least {@link #MIN_SAMPLES}. */
    public static final double ANSWER_SHARE = 0.1;
    public static final int MIN_SAMPLES = 3;
    private static final byte SIGNAL = 0;
    private static final byte TA = 1;
    private static final int BAND_BYTES = 1 + 2 + 8 + 8 + 4;
    private static final byte VERSION = 1;

    /** One band: its kind (signal or timing advance), its number, mean position and sample count. */
    public record Band(byte kind, int band, double lat, double lon, int samples) {
    }

    /** An observation for the profile: where, and how the cell was heard (either may be null). */
    public record Heard(double lat, double lon, Integer signal, Integer ta) {
    }

    private final List<Band> bands;

    private CellProfile(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    public static CellProfile empty() {
        return new CellProfile(List.of());
    }

    public List<Band> bands() {
        return bands;
    }

    public boolean isEmpty() {
        return bands.isEmpty();
    }

    /** This profile with {@code heard} added. */
    public CellProfile with(List<Heard> heard) {
        List<Band> out = new ArrayList<>(bands);
        for (Heard h : heard) {
            if (h.signal() != null) {
                add(out, SIGNAL, Math.floorDiv(h.signal(), SIGNAL_BAND_DB), h.lat(), h.lon());
            }
            if (h.ta() != null) {
                add(out, TA, h.ta(), h.lat(), h.lon());
            }
        }
        if (out.size() > MAX_BANDS) {
            out.sort(Comparator.comparingInt(Band::samples).reversed());
            out = new ArrayList<>(out.subList(0, MAX_BANDS));
        }
        out.sort(Comparator.comparingInt((Band b) -> b.kind()).thenComparingInt(Band::band));
        return new CellProfile(out);
    }

    private static void add(List<Band> bands, byte kind, int band, double lat, double lon) {
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (b.kind() == kind && b.band() == band) {
                double old = Math.min(b.samples(), MAX_OLD_SAMPLES);
                bands.set(i, new Band(kind, band, (b.lat() * old + lat) / (old + 1), (b.lon() * old + lon) / (old + 1),
                        b.samples() == Integer.MAX_VALUE ? b.samples() : b.samples() + 1));
                return;
            }
        }
        bands.add(new Band(kind, band, lat, lon, 1));
    }

    /**
     * The position of a query that heard the cell with {@code signal} (dBm) and timing advance {@code ta}: the
     * sample-weighted mean of the bands nearest to them (timing advance when both sides have it, else signal),
     * nearest first, until they hold a tenth of the cell's samples and at least three; empty when the profile cannot
     * say.
     */
    public Optional<double[]> locate(Integer signal, Integer ta) {
        byte kind;
        int band;
        if (ta != null && total(TA) >= MIN_SAMPLES) {
            kind = TA;
            band = ta;
        } else if (signal != null && total(SIGNAL) >= MIN_SAMPLES) {
            kind = SIGNAL;
            band = Math.floorDiv(signal, SIGNAL_BAND_DB);
        } else {
            return Optional.empty();
        }
        List<Band> same = new ArrayList<>();
        for (Band b : bands) {
            if (b.kind() == kind) {
                same.add(b);
            }
        }
        final int target = band;
        same.sort(Comparator.comparingInt((Band b) -> Math.abs(b.band() - target)).thenComparingInt(Band::band));
        double need = Math.max(MIN_SAMPLES, ANSWER_SHARE * total(kind));
        double lat = 0;
        double lon = 0;
        double got = 0;
        int i = 0;
        while (i < same.size() && got < need) {
            // Bands as near as each other come in together, so the answer does not depend on their order.
            int distance = Math.abs(same.get(i).band() - target);
            while (i < same.size() && Math.abs(same.get(i).band() - target) == distance) {
                Band b = same.get(i++);
                lat += b.lat() * b.samples();
                lon += b.lon() * b.samples();
                got += b.samples();
            }
        }
        return got >= MIN_SAMPLES ? Optional.of(new double[] {lat / got, lon / got}) : Optional.empty();
    }

    private long total(byte kind) {
        long total = 0;
        for (Band b : bands) {
            if (b.kind() == kind) {
                total += b.samples();
            }
        }
        return total;
    }

    /** The stored form: a version byte, then per band kind, band (short), lat, lon (doubles) and samples (int). */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + bands.size() * BAND_BYTES);
        out.put(VERSION);
        for (Band b : bands) {
            out.put(b.kind()).putShort((short) b.band()).putDouble(b.lat()).putDouble(b.lon()).putInt(b.samples());
        }
        return out.array();
    }

    /** Reads {@link #encode}'s form; null or unreadable bytes give an empty profile. */
    public static CellProfile decode(byte[] bytes) {
        if (bytes == null || bytes.length < 1 || bytes[0] != VERSION || (bytes.length - 1) % BAND_BYTES != 0) {
            return empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        List<Band> bands = new ArrayList<>();
        while (in.remaining() >= BAND_BYTES) {
            bands.add(new Band(in.get(), in.getShort(), in.getDouble(), in.getDouble(), in.getInt()));
        }
        return new CellProfile(bands);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellProfile other && bands.equals(other.bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }

    @Override
    public String toString() {
        return "CellProfile" + bands;
    }
}
