package org.ichnaea.mysql;

/**
 * Names the runtime code shares with the schema, which the SQL migrations under {@code db/migration} create
 * (docs/storage.md, "Schema"): a test ({@code SchemaTest}) checks that every table named here exists.
 */
public final class Schema {

    /** Shard digits of the Wi-Fi and Bluetooth tables: the fifth hex digit of the MAC. */
    public static final String SHARDS = "0123456789abcdef";

    private Schema() {
    }

    /** The shard table of a MAC-keyed station kind ({@code wifi} or {@code blue}), e.g. {@code wifi_shard_a}. */
    public static String shardTable(String kind, int shard) {
        return kind + "_shard_" + SHARDS.charAt(shard);
    }
}
