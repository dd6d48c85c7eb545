package org.ichnaea.core.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * What every GeoIP database does; each implementation names an address it knows and what it says about it.
 */
public abstract class GeoIpDatabaseContract {

    /** A loaded database. */
    protected abstract GeoIpDatabase database();

    /** An address the database knows. */
    protected abstract String knownAddress();

    /** The ISO country code it gives for {@link #knownAddress()}. */
    protected abstract String knownCountry();

    @Test
    void knows_its_address() throws Exception {
        GeoIpDatabase db = database();
        assertThat(db.isAvailable()).isTrue();
        assertThat(db.lookup(InetAddress.getByName(knownAddress()))).hasValueSatisfying(r -> {
            assertThat(r.countryIsoCode()).isEqualTo(knownCountry());
            assertThat(r.lat()).isNotNull();
            assertThat(r.lon()).isNotNull();
        });
        assertThat(db.description()).isNotBlank();
    }

    @Test
    void private_and_loopback_addresses_are_unknown() throws Exception {
        GeoIpDatabase db = database();
        for (String address : new String[] {"10.0.0.1", "127.0.0.1", "192.168.1.1", "::1"}) {
            assertThat(db.lookup(InetAddress.getByName(address))).as(address).isEmpty();
        }
    }
}
