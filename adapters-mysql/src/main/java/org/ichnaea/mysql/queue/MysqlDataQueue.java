package org.ichnaea.mysql.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.Leases;
import org.ichnaea.core.queue.QueueOwner;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.submit.IncomingReportCodec;
import org.ichnaea.mysql.Database;
import org.ichnaea.mysql.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A durable queue in the {@code queue_item} table, for the embedded mode and MySQL without Redis
 * (no Redis needed to run the service): what was accepted survives a restart. An enqueue is one committed transaction. A claim
 * marks the oldest unclaimed rows with a claim id, its owner and a lease in one short transaction; acknowledging
 * deletes them, releasing clears the mark, and {@link #recover()} clears the marks of dead local owners and of
 * expired leases. {@link #dequeue} (at most once) deletes in the same transaction as it reads.
 */
public final class MysqlDataQueue<T> implements DataQueue<T> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MysqlDataQueue.class);

    private final Database db;
    private final String name;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;
    private final String owner;
    private final Duration lease;

    public MysqlDataQueue(Database db, String name, Function<T, byte[]> encode, Function<byte[], T> decode) {
        this(db, name, encode, decode, QueueOwner.self(), Leases.DEFAULT_LEASE);
    }

    /** A queue whose claims belong to {@code owner} and last {@code lease} without renewal. */
    public MysqlDataQueue(Database db, String name, Function<T, byte[]> encode, Function<byte[], T> decode,
                          String owner, Duration lease) {
        this.db = db;
        this.name = name;
        this.encode = encode;
        this.decode = decode;
        this.owner = owner;
        this.lease = lease;
    }

    /** The queue of incoming reports, in core's {@link IncomingReportCodec} encoding. */
    public static MysqlDataQueue<IncomingReport> incoming(Database db, String name) {
        return new MysqlDataQueue<>(db, name, IncomingReportCodec::encode, IncomingReportCodec::decode);
    }

    /** The same, with claims of {@code owner} and {@code lease}. */
    public static MysqlDataQueue<IncomingReport> incoming(Database db, String name, String owner, Duration lease) {
        return new MysqlDataQueue<>(db, name, IncomingReportCodec::encode, IncomingReportCodec::decode, owner, lease);
    }

    @Override
    public void enqueue(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).withNano(0);
        List<byte[]> payloads = new ArrayList<>(items.size());
        for (T item : items) {
            payloads.add(encode.apply(item));
        }
        try {
            db.jdbi().useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch(
                        "INSERT INTO queue_item (queue_name, payload, created) VALUES (:name, :payload, :created)");
                for (byte[] payload : payloads) {
                    batch.bind("name", name).bind("payload", payload).bind("created", now).add();
                }
                batch.execute();
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " enqueue failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<T> dequeue(int max) {
        checkMax(max);
        try {
            return db.jdbi().inTransaction(h -> {
                List<Long> ids = new ArrayList<>();
                List<byte[]> payloads = new ArrayList<>();
                h.createQuery("SELECT id, payload FROM queue_item WHERE queue_name = :name AND claim_id IS NULL "
                                + "ORDER BY id LIMIT :max FOR UPDATE")
                        .bind("name", name).bind("max", max)
                        .map((rs, ctx) -> {
                            ids.add(rs.getLong("id"));
                            payloads.add(rs.getBytes("payload"));
                            return null;
                        }).list();
                for (int from = 0; from < ids.size(); from += 1000) {
                    h.createUpdate("DELETE FROM queue_item WHERE id IN (<ids>)")
                            .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).execute();
                }
                return decodeAll(payloads);
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " dequeue failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Claim<T> claim(int max) {
        checkMax(max);
        String claimId = UUID.randomUUID().toString();
        long until = System.currentTimeMillis() + lease.toMillis();
        List<byte[]> payloads;
        try {
            payloads = db.jdbi().inTransaction(h -> {
                int marked = mark(h, claimId, until, max);
                if (marked == 0) {
                    return List.<byte[]>of();
                }
                return h.createQuery("SELECT payload FROM queue_item WHERE queue_name = :name AND claim_id = :claim "
                                + "ORDER BY id")
                        .bind("name", name).bind("claim", claimId)
                        .map((rs, ctx) -> rs.getBytes(1)).list();
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " claim failed: " + e.getMessage(), e);
        }
        return new RowClaim(claimId, decodeAll(payloads));
    }

    private int mark(Handle h, String claimId, long until, int max) {
        if (db.dialect() == Dialect.MYSQL) {
            return h.createUpdate("UPDATE queue_item SET claim_id = :claim, claim_owner = :owner, lease_until = "
                            + ":until WHERE queue_name = :name AND claim_id IS NULL ORDER BY id LIMIT :max")
                    .bind("claim", claimId).bind("owner", owner).bind("until", until).bind("name", name)
                    .bind("max", max).execute();
        }
        // H2 has no ORDER BY in UPDATE; the oldest ids are selected with row locks first.
        List<Long> ids = h.createQuery("SELECT id FROM queue_item WHERE queue_name = :name AND claim_id IS NULL "
                        + "ORDER BY id LIMIT :max FOR UPDATE")
                .bind("name", name).bind("max", max).mapTo(Long.class).list();
        int marked = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            marked += h.createUpdate("UPDATE queue_item SET claim_id = :claim, claim_owner = :owner, lease_until = "
                            + ":until WHERE id IN (<ids>) AND claim_id IS NULL")
                    .bind("claim", claimId).bind("owner", owner).bind("until", until)
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).execute();
        }
        return marked;
    }

    @Override
    public long recover() {
        try {
            return db.jdbi().withHandle(h -> {
                long now = System.currentTimeMillis();
                List<String> abandoned = new ArrayList<>();
                h.createQuery("SELECT claim_id, MIN(claim_owner), MAX(lease_until) FROM queue_item "
                                + "WHERE queue_name = :name AND claim_id IS NOT NULL GROUP BY claim_id")
                        .bind("name", name)
                        .map((rs, ctx) -> {
                            String claim = rs.getString(1);
                            String holder = rs.getString(2);
                            long until = rs.getLong(3);
                            if (until < now || QueueOwner.isDeadLocal(holder)) {
                                abandoned.add(claim);
                            }
                            return null;
                        }).list();
                long back = 0;
                for (String claim : abandoned) {
                    back += h.createUpdate("UPDATE queue_item SET claim_id = NULL, claim_owner = NULL, "
                                    + "lease_until = NULL WHERE queue_name = :name AND claim_id = :claim")
                            .bind("name", name).bind("claim", claim).execute();
                }
                if (back > 0) {
                    LOG.warn("queue {}: {} items of {} abandoned claims are back in the queue", name, back,
                            abandoned.size());
                }
                return back;
            });
        } catch (JdbiException e) {
            throw new StoreUnavailableException("queue " + name + " recover failed: " + e.getMessage(), e);
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

    private static void checkMax(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("dequeue takes a positive count, not " + max);
        }
    }

    private List<T> decodeAll(List<byte[]> payloads) {
        List<T> items = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                items.add(decode.apply(payload));
            } catch (IllegalArgumentException e) {
                // Undecodable (an older format?): leave a trace and do not block the queue behind it.
                LOG.error("queue {}: dropped an undecodable item of {} bytes: {}", name, payload.length,
                        e.getMessage());
                org.ichnaea.core.queue.UndecodableItems.dropped();
            }
        }
        return items;
    }

    private final class RowClaim implements Claim<T>, Leases.Renewable {
        private final String id;
        private final List<T> items;
        private boolean done;

        RowClaim(String id, List<T> items) {
            this.id = id;
            this.items = List.copyOf(items);
            this.done = items.isEmpty();
            if (!done) {
                Leases.keep(this, lease);
            }
        }

        @Override
        public List<T> items() {
            return items;
        }

        @Override
        public synchronized void ack() {
            if (done) {
                return;
            }
            try {
                update("ack", "DELETE FROM queue_item WHERE queue_name = :name AND claim_id = :claim");
            } finally {
                // Failed or not, the lease is no longer renewed: if the rows stay, they come back after it.
                finish();
            }
        }

        @Override
        public synchronized void release() {
            if (done) {
                return;
            }
            try {
                update("release", "UPDATE queue_item SET claim_id = NULL, claim_owner = NULL, lease_until = NULL "
                        + "WHERE queue_name = :name AND claim_id = :claim");
            } finally {
                finish();
            }
        }

        @Override
        public void close() {
            release();
        }

        @Override
        public synchronized void renew() {
            if (!done) {
                try {
                    db.jdbi().useHandle(h -> h.createUpdate("UPDATE queue_item SET lease_until = :until "
                                    + "WHERE queue_name = :name AND claim_id = :claim")
                            .bind("until", System.currentTimeMillis() + lease.toMillis()).bind("name", name)
                            .bind("claim", id).execute());
                } catch (JdbiException e) {
                    throw new StoreUnavailableException("queue " + name + " renew failed: " + e.getMessage(), e);
                }
            }
        }

        private void finish() {
            done = true;
            Leases.forget(this);
        }

        private void update(String what, String sql) {
            try {
                db.jdbi().useTransaction(h -> h.createUpdate(sql).bind("name", name).bind("claim", id).execute());
            } catch (JdbiException e) {
                throw new StoreUnavailableException("queue " + name + " " + what + " failed: " + e.getMessage(), e);
            }
        }
    }
}
