package org.ichnaea.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ichnaea.core.radio.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * The keys of a station update are locked in the primary key's order (docs/benchmarks.md "Scale-out"): workers whose
 * batches share networks then wait for each other instead of deadlocking, also when a shard has more keys than one
 * locking statement takes.
 */
class MacLockOrderTest {

    @Test
    void keys_of_each_shard_come_in_unsigned_byte_order_whatever_order_they_were_given_in() {
        Random random = new Random(14);
        List<MacAddress> macs = new ArrayList<>();
        for (int i = 0; i < 3 * Sql.MAX_IN_LIST; i++) {
            macs.add(MacAddress.ofBytes(HexFormat.of().parseHex(String.format("%012x",
                    random.nextLong() & 0xFCFFFFFFFFFFL))));
        }
        macs.add(MacAddress.ofBytes(HexFormat.of().parseHex("7c0000000001")));
        macs.add(MacAddress.ofBytes(HexFormat.of().parseHex("8c0000000001"))); // signed byte order: first
        Collections.shuffle(macs, random);

        Map<Integer, List<byte[]>> shards = MysqlMacStationStore.byShard(macs);

        assertThat(shards.values().stream().mapToInt(List::size).sum()).isEqualTo(macs.size());
        shards.forEach((shard, keys) -> {
            List<byte[]> sorted = new ArrayList<>(keys);
            sorted.sort(Arrays::compareUnsigned);
            assertThat(keys).as("shard " + shard).containsExactlyElementsOf(sorted);
            assertThat(keys).allSatisfy(k -> assertThat(MacAddress.ofBytes(k).shard()).isEqualTo(shard));
        });
        List<byte[]> zero = shards.get(0);
        assertThat(Arrays.compareUnsigned(zero.get(zero.size() - 1), HexFormat.of().parseHex("7c0000000001")))
                .as("8c... sorts after 7c...").isPositive();
    }
}
