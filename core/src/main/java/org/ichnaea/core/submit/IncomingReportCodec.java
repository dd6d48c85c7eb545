package org.ichnaea.core.submit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ichnaea.core.radio.BlueObservation;
import org.ichnaea.core.radio.CellObservation;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.radio.WifiObservation;
import org.ichnaea.core.station.StationSource;

/**
 * A compact, versioned binary form of {@link IncomingReport} for the queues (Redis lists, the embedded queue
 * table), written with {@link DataOutputStream} so that every adapter shares one encoding without a JSON library in
 * core. Every nullable field is preceded by a presence byte. Version 1.
 */
public final class IncomingReportCodec {

    private static final int VERSION = 1;

    private IncomingReportCodec() {
    }

    public static byte[] encode(IncomingReport item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, item.apiKey());
            out.writeByte(item.source().code());
            Report r = item.report();
            out.writeLong(r.timestamp());
            ReportPosition p = r.position();
            out.writeBoolean(p != null);
            if (p != null) {
                out.writeDouble(p.lat());
                out.writeDouble(p.lon());
                dbl(out, p.accuracy());
                dbl(out, p.altitude());
                dbl(out, p.altitudeAccuracy());
                dbl(out, p.heading());
                dbl(out, p.pressure());
                dbl(out, p.speed());
                integer(out, p.age());
                out.writeByte(p.source() == null ? -1 : p.source().code());
            }
            out.writeInt(r.blues().size());
            for (BlueObservation b : r.blues()) {
                out.writeLong(b.mac().bits());
                integer(out, b.age());
                integer(out, b.signal());
                string(out, b.name());
            }
            out.writeInt(r.cells().size());
            for (CellObservation c : r.cells()) {
                out.writeByte(c.radio().code());
                out.writeInt(c.mcc());
                out.writeInt(c.mnc());
                integer(out, c.lac());
                out.writeBoolean(c.cid() != null);
                if (c.cid() != null) {
                    out.writeLong(c.cid());
                }
                integer(out, c.psc());
                integer(out, c.age());
                integer(out, c.signal());
                integer(out, c.asu());
                integer(out, c.ta());
            }
            out.writeInt(r.wifis().size());
            for (WifiObservation w : r.wifis()) {
                out.writeLong(w.mac().bits());
                integer(out, w.age());
                integer(out, w.channel());
                integer(out, w.frequency());
                integer(out, w.signal());
                integer(out, w.snr());
                string(out, w.ssid());
            }
            bool(out, r.ipf());
            bool(out, r.lacf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The id of an encoded report: its SHA-256's first 8 bytes, big-endian. */
    public static long id(byte[] encoded) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(encoded);
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an encoded report */
    public static IncomingReport decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown queued report version " + version);
            }
            String apiKey = string(in);
            StationSource source = StationSource.ofCode(in.readByte());
            long timestamp = in.readLong();
            ReportPosition position = null;
            if (in.readBoolean()) {
                double lat = in.readDouble();
                double lon = in.readDouble();
                Double accuracy = dbl(in);
                Double altitude = dbl(in);
                Double altitudeAccuracy = dbl(in);
                Double heading = dbl(in);
                Double pressure = dbl(in);
                Double speed = dbl(in);
                Integer age = integer(in);
                byte src = in.readByte();
                position = new ReportPosition(lat, lon, accuracy, altitude, altitudeAccuracy, heading, pressure,
                        speed, age, src < 0 ? null : StationSource.ofCode(src));
            }
            int n = in.readInt();
            List<BlueObservation> blues = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                blues.add(new BlueObservation(new MacAddress(in.readLong()), integer(in), integer(in), string(in)));
            }
            n = in.readInt();
            List<CellObservation> cells = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                RadioType radio = RadioType.ofCode(in.readByte());
                int mcc = in.readInt();
                int mnc = in.readInt();
                Integer lac = integer(in);
                Long cid = in.readBoolean() ? in.readLong() : null;
                cells.add(new CellObservation(radio, mcc, mnc, lac, cid, integer(in), integer(in), integer(in),
                        integer(in), integer(in)));
            }
            n = in.readInt();
            List<WifiObservation> wifis = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                wifis.add(new WifiObservation(new MacAddress(in.readLong()), integer(in), integer(in), integer(in),
                        integer(in), integer(in), string(in)));
            }
            Boolean ipf = bool(in);
            Boolean lacf = bool(in);
            return new IncomingReport(apiKey, source, new Report(timestamp, position, blues, cells, wifis, ipf, lacf));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a queued report: " + e, e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value.length() > 10_000 ? value.substring(0, 10_000) : value);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void dbl(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double dbl(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void integer(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer integer(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void bool(DataOutputStream out, Boolean value) throws IOException {
        out.writeByte(value == null ? -1 : value ? 1 : 0);
    }

    private static Boolean bool(DataInputStream in) throws IOException {
        byte b = in.readByte();
        return b < 0 ? null : b == 1;
    }
}
