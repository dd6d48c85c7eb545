package org.ichnaea.mysql.queue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.mysql.Database;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A durable queue in the {@code queue_item} table, for the embedded mode (compatibility.md §4): what was accepted
 * survives a restart. Dequeue reads the oldest items with row locks and deletes them in the same transaction, so
 * two consumers never take the same item.
 */
public final class MysqlDataQueue<T> implements DataQueue<T> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MysqlDataQueue.class);

    private final Database db;
    private final String name;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;

    public MysqlDataQueue(Database db, String name, Function<T, byte[]> encode, Function<byte[], T> decode) {
        this.db = db;
        this.name = name;
        this.encode = encode;
        this.decode = decode;
    }

    /** The queue of incoming reports, in core's {@link IncomingReportCodec} encoding. */
    public static MysqlDataQueue<IncomingReport> incoming(Database db, String name) {
        return new MysqlDataQueue<>(db, name, IncomingReportCodec::encode, IncomingReportCodec::decode);
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).withNano(0);
        try {
            db.jdbi().useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch(
                        "INSERT INTO queue_item (queue_name, payload, created) VALUES (:name, :payload, :created)");
                for (T item : items) {
                    batch.bind("name", name).bind("payload", encode.apply(item)).bind("created", now).add();
                }
                batch.execute();
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " enqueue failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<T> dequeue(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
        try {
            return db.jdbi().inTransaction(h -> {
                List<Long> ids = new ArrayList<>();
                List<byte[]> payloads = new ArrayList<>();
                h.createQuery("SELECT id, payload FROM queue_item WHERE queue_name = :name ORDER BY id LIMIT :max "
                                + "FOR UPDATE")
                        .bind("name", name).bind("max", max)
                        .map((rs, ctx) -> {
                            ids.add(rs.getLong("id"));
                            payloads.add(rs.getBytes("payload"));
                            return null;
                        }).list();
                if (!ids.isEmpty()) {
                    h.createUpdate("DELETE FROM queue_item WHERE id IN (<ids>)").bindList("ids", ids).execute();
                }
                List<T> items = new ArrayList<>(payloads.size());
                for (byte[] payload : payloads) {
                    try {
                        items.add(decode.apply(payload));
                    } catch (IllegalArgumentException e) {
                        // Undecodable (an older format?): leave a trace and do not block the queue behind it.
                        LOG.error("queue {}: dropped an undecodable item of {} bytes: {}", name, payload.length,
                                e.getMessage());
                    }
                }
                return items;
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " dequeue failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long size() {
        try {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM queue_item WHERE queue_name = :name")
                    .bind("name", name).mapTo(Long.class).one());
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " size failed: " + e.getMessage(), e);
        }
    }
}
