package org.ichnaea.core.geoip;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A GeoIP database of exact addresses, for tests and embedding. */
public final class InMemoryGeoIpDatabase implements GeoIpDatabase {

    private final Map<InetAddress, GeoIpRecord> records = new ConcurrentHashMap<>();

    public InMemoryGeoIpDatabase put(String address, GeoIpRecord record) {
        records.put(IpAddresses.parse(address).orElseThrow(
                () -> new IllegalArgumentException("not an IP address: " + address)), record);
        return this;
    }

    @Override
    public Optional<GeoIpRecord> lookup(InetAddress address) {
        return Optional.ofNullable(records.get(address));
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String description() {
        return "in-memory (" + records.size() + " addresses)";
    }
}
