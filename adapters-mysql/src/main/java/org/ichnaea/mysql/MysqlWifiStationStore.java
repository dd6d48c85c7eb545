package org.ichnaea.mysql;

import org.ichnaea.core.station.WifiStationStore;

/** Wi-Fi access points in {@code wifi_shard_0} .. {@code wifi_shard_f}. */
public final class MysqlWifiStationStore extends MysqlMacStationStore implements WifiStationStore {

    public MysqlWifiStationStore(Database reads, Database writes) {
        super(reads, writes, "wifi");
    }
}
