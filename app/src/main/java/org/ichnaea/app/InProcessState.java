package org.ichnaea.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.apikey.InMemoryApiKeyUsage;
import org.ichnaea.core.jobs.InMemoryJobLock;
import org.ichnaea.core.locate.InMemoryLocateSampleRate;
import org.ichnaea.core.locate.fallback.InMemoryFallbackCache;
import org.ichnaea.core.locate.fallback.InMemoryRateLimiter;
import org.ichnaea.core.monitor.RateController;
import org.ichnaea.core.pipeline.PipelineHealth;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.queue.ForwardingDataQueue;
import org.ichnaea.core.queue.GroupCommitQueue;
import org.ichnaea.core.stats.InMemoryStatCounter;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.HealthCheck;

/** Without Redis: counters, caches and the job lock in this process, the report queues in the database. */
final class InProcessState extends SharedState {

    InProcessState() {
        super(new InMemoryStatCounter(), new InMemoryJobLock(), new InMemoryApiKeyUsage());
    }

    @Override
    DataQueue<IncomingReport> queue(String name, Storage storage) {
        return storage.queue(name);
    }

    @Override
    boolean countersInProcess() {
        return true;
    }

    @Override
    RateController rateController() {
        return null;
    }

    @Override
    Requests forRequests(Clock clock) {
        return new Requests(new InMemoryLocateSampleRate(), new InMemoryFallbackCache(clock),
                new InMemoryRateLimiter(clock), this::usage);
    }

    /**
     * The queue is in the same database as the stations: when this process's pipeline cannot get through it any more
     * (a broken database), submissions are refused rather than acknowledged. Concurrent submissions share one write
     * (GroupCommitQueue: one append and sync of the log queue).
     */
    @Override
    DataQueue<IncomingReport> submissions(DataQueue<IncomingReport> incoming, PipelineHealth pipelineHealth) {
        return new RefusingWhenFailing<>(new GroupCommitQueue<>(incoming), pipelineHealth);
    }

    @Override
    HealthCheck health() {
        return () -> HealthCheck.Health.up(Map.of("mode", "in-process"));
    }

    /** A queue that refuses new items while the pipeline that drains it is failing. */
    static final class RefusingWhenFailing<T> extends ForwardingDataQueue<T> {
        private final PipelineHealth health;

        RefusingWhenFailing(DataQueue<T> delegate, PipelineHealth health) {
            super(delegate);
            this.health = health;
        }

        @Override
        public void enqueue(List<T> items) {
            if (health.isFailing()) {
                throw new StoreUnavailableException("the pipeline has failed "
                        + health.consecutiveFailures() + " runs in a row: " + health.lastError());
            }
            delegate.enqueue(items);
        }
    }
}
