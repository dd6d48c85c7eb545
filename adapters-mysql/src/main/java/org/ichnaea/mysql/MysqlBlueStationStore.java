package org.ichnaea.mysql;

import org.ichnaea.core.station.BlueStationStore;

/** Bluetooth beacons in {@code blue_shard_0} .. {@code blue_shard_f}. */
public final class MysqlBlueStationStore extends MysqlMacStationStore implements BlueStationStore {

    public MysqlBlueStationStore(Database reads, Database writes) {
        super(reads, writes, "blue");
    }
}
