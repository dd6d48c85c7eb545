package org.ichnaea.geoip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.ClosedDatabaseException;
import com.maxmind.db.InvalidDatabaseException;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ichnaea.core.geoip.GeoIpDatabase;
import org.ichnaea.core.geoip.GeoIpRecord;

/**
 * A GeoIP City database in an mmdb file, memory-mapped: MaxMind GeoIP2/GeoLite2 City or DB-IP Lite City
 * ({@link GeoIpFormat}). Thread-safe; lookups cost no I/O beyond page faults on the mapped file. Each opened file
 * gets its own cache of decoded records ({@code CHMCache}, 4,096 entries), so a reloaded file never sees another
 * file's records. A MaxMind City record is decoded into {@link CityRecord}, which holds only the fields the resolver
 * reads: geoip2's {@code CityResponse} decodes every locale's names, the continent, the registered country and the
 * traits, which cost more than half of an IP-only geolocate's lookup (docs/benchmarks.md).
 *
 * <p>The file must be replaced by renaming a new file over it ({@code mv}), never overwritten in place: the mapping
 * keeps reading the old file's pages, which an in-place write changes or truncates under it. Lookups that hit such a
 * change fail with {@link GeoIpDatabaseException} (the JVM reports the fault as an {@code InternalError}, which is
 * converted), and {@link ReloadingGeoIpDatabase} then opens the new file.
 */
public final class MaxMindGeoIpDatabase implements GeoIpDatabase, Closeable {

    private final Path file;
    private final GeoIpFormat format;
    private final Metadata metadata;
    private final Reader reader;
    private final boolean ipv4Only;
    private final String description;

    private MaxMindGeoIpDatabase(Path file, GeoIpFormat format, Metadata metadata, Reader reader) {
        this.file = file;
        this.format = format;
        this.metadata = metadata;
        this.reader = reader;
        this.ipv4Only = metadata.ipVersion() == 4;
        this.description = format.label() + ": " + metadata.databaseType() + ", built " + metadata.buildTime();
    }

    /**
     * Opens a City database, memory-mapped.
     *
     * @throws GeoIpDatabaseException when the file is missing, unreadable, not an mmdb file, or of another type
     */
    public static MaxMindGeoIpDatabase open(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.exists(file)) {
            throw new GeoIpDatabaseException(name + " not found");
        }
        if (Files.isDirectory(file)) {
            throw new GeoIpDatabaseException(name + " is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new GeoIpDatabaseException(name + " is not readable");
        }
        Reader reader = openReader(file, name);
        Metadata metadata = reader.getMetadata();
        Optional<GeoIpFormat> format = GeoIpFormat.forDatabaseType(metadata.databaseType());
        if (format.isEmpty()) {
            closeQuietly(reader);
            throw new GeoIpDatabaseException(name + " has database type '" + metadata.databaseType()
                    + "'; expected a GeoIP2/GeoLite2 City or DB-IP Lite City database");
        }
        return new MaxMindGeoIpDatabase(file, format.get(), metadata, reader);
    }

    private static Reader openReader(Path file, String name) {
        try {
            return new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
        } catch (InvalidDatabaseException e) {
            throw new GeoIpDatabaseException(name + " is not a MaxMind DB file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GeoIpDatabaseException(name + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GeoIpDatabaseException(name + " is not a valid MaxMind DB file: " + e, e);
        }
    }

    @Override
    public Optional<GeoIpRecord> lookup(InetAddress address) {
        if (address == null || (ipv4Only && address instanceof Inet6Address)) {
            // An IPv4-only tree would match an IPv6 address on its first 32 bits: a wrong answer, not a miss.
            return Optional.empty();
        }
        try {
            return format == GeoIpFormat.MAXMIND_CITY ? lookupCity(address) : lookupDbIp(address);
        } catch (ClosedDatabaseException e) {
            throw new GeoIpDatabaseException("GeoIP database " + file.getFileName() + " is closed", e);
        } catch (IOException | RuntimeException e) {
            throw new GeoIpDatabaseException("GeoIP lookup failed in " + file.getFileName() + ": " + e, e);
        } catch (InternalError e) {
            // A fault on the mapped pages: the file was overwritten or truncated in place.
            throw new GeoIpDatabaseException("GeoIP database " + file.getFileName()
                    + " changed under its memory map; replace the file by renaming, not by writing into it", e);
        }
    }

    private Optional<GeoIpRecord> lookupCity(InetAddress address) throws IOException {
        CityRecord found = reader.get(address, CityRecord.class);
        if (found == null) {
            return Optional.empty();
        }
        LocationRecord location = found.location;
        return Optional.of(new GeoIpRecord(
                location == null ? null : location.latitude,
                location == null ? null : location.longitude,
                found.country == null ? null : found.country.isoCode,
                location == null ? null : location.accuracyRadius,
                found.subdivisions != null && !found.subdivisions.isEmpty(),
                found.city == null ? null : found.city.geonameId));
    }

    private Optional<GeoIpRecord> lookupDbIp(InetAddress address) throws IOException {
        Map<?, ?> map = reader.get(address, Map.class);
        return map == null ? Optional.empty() : Optional.of(DbIpRecords.fromMap(map));
    }

    /** The fields of a MaxMind City record that {@link GeoIpRecord} takes; the decoder skips the others. */
    public static final class CityRecord {
        final LocationRecord location;
        final CountryRecord country;
        final List<SubdivisionRecord> subdivisions;
        final CityNameRecord city;

        @MaxMindDbConstructor
        public CityRecord(@MaxMindDbParameter(name = "location") LocationRecord location,
                          @MaxMindDbParameter(name = "country") CountryRecord country,
                          @MaxMindDbParameter(name = "subdivisions") List<SubdivisionRecord> subdivisions,
                          @MaxMindDbParameter(name = "city") CityNameRecord city) {
            this.location = location;
            this.country = country;
            this.subdivisions = subdivisions;
            this.city = city;
        }
    }

    /** {@code location}: position and accuracy radius (km). */
    public static final class LocationRecord {
        final Double latitude;
        final Double longitude;
        final Integer accuracyRadius;

        @MaxMindDbConstructor
        public LocationRecord(@MaxMindDbParameter(name = "latitude") Double latitude,
                              @MaxMindDbParameter(name = "longitude") Double longitude,
                              @MaxMindDbParameter(name = "accuracy_radius") Integer accuracyRadius) {
            this.latitude = latitude;
            this.longitude = longitude;
            this.accuracyRadius = accuracyRadius;
        }
    }

    /** {@code country}: its ISO code. */
    public static final class CountryRecord {
        final String isoCode;

        @MaxMindDbConstructor
        public CountryRecord(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            this.isoCode = isoCode;
        }
    }

    /** One of {@code subdivisions}: only whether there is one counts. */
    public static final class SubdivisionRecord {
        @MaxMindDbConstructor
        public SubdivisionRecord(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            // nothing kept
        }
    }

    /** {@code city}: its GeoNames id. */
    public static final class CityNameRecord {
        final Long geonameId;

        @MaxMindDbConstructor
        public CityNameRecord(@MaxMindDbParameter(name = "geoname_id") Long geonameId) {
            this.geonameId = geonameId;
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /** Layout, database type and build time, e.g. {@code MaxMind City: GeoLite2-City, built 2019-11-12T21:11:29Z}. */
    @Override
    public String description() {
        return description;
    }

    public GeoIpFormat format() {
        return format;
    }

    /** The metadata {@code database_type}, e.g. {@code GeoLite2-City} or {@code city ipv4}. */
    public String databaseType() {
        return metadata.databaseType();
    }

    /** When the database was built (metadata {@code build_epoch}); the heartbeat reports it and its age. */
    public Instant buildTime() {
        return metadata.buildTime();
    }

    @Override
    public Status status() {
        return new Status(isAvailable(), description(), buildTime());
    }

    /** 4 for an IPv4-only file (IPv6 addresses then always miss), 6 otherwise. */
    public int ipVersion() {
        return metadata.ipVersion();
    }

    public Path file() {
        return file;
    }

    /** Drops the reader; the mapping is released once nothing refers to it. Later lookups fail. */
    @Override
    public void close() {
        closeQuietly(reader);
    }

    @Override
    public String toString() {
        return description;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing only drops the reader's reference to the mapped buffer; nothing to report.
        }
    }
}
