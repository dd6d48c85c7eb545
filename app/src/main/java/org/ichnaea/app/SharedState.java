package org.ichnaea.app;

import java.time.Clock;
import java.util.function.Supplier;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.jobs.JobLock;
import org.ichnaea.core.locate.LocateSampleRate;
import org.ichnaea.core.locate.fallback.FallbackCache;
import org.ichnaea.core.locate.fallback.RateLimiter;
import org.ichnaea.core.monitor.RateController;
import org.ichnaea.core.pipeline.PipelineHealth;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.stats.StatCounter;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.HealthCheck;

/**
 * What the processes of an installation share besides the database, chosen once from the settings: Redis
 * ({@link RedisState}, {@code REDIS_URI}) or, without it, this process's memory and the database's queues
 * ({@link InProcessState}). Report queues, daily and usage counters, the job lock, the fallback cache and rate limit,
 * the sample rate.
 */
abstract class SharedState {

    private final StatCounter statCounter;
    private final JobLock jobLock;
    private final ApiKeyUsage usage;

    SharedState(StatCounter statCounter, JobLock jobLock, ApiKeyUsage usage) {
        this.statCounter = statCounter;
        this.jobLock = jobLock;
        this.usage = usage;
    }

    /** Redis when {@code REDIS_URI} is set; {@code resources} closes its pool. */
    static SharedState open(Settings settings, Resources resources) {
        return settings.redisUri() == null ? new InProcessState() : new RedisState(settings, resources);
    }

    /** The report queue {@code name}: Redis lists, or else the database's queue ({@link Storage#queue}). */
    abstract DataQueue<IncomingReport> queue(String name, Storage storage);

    /** The daily counters ({@code update_statcounter} moves them into the {@code stat} table). */
    final StatCounter statCounter() {
        return statCounter;
    }

    /** Whether the daily counters live in this process only, so that each pipeline run moves them into the table. */
    abstract boolean countersInProcess();

    /** Keeps every job but the report drain to one process at a time. */
    final JobLock jobLock() {
        return jobLock;
    }

    /** Daily request counters per key. */
    final ApiKeyUsage usage() {
        return usage;
    }

    /** The rate control of the monitoring jobs (docs/algorithms.md §13.5); null when there is none (no Redis). */
    abstract RateController rateController();

    /** What a request reads and counts; with Redis through a pool of its own, opened now. */
    abstract Requests forRequests(Clock clock);

    /** Where the submit APIs put their reports, written through to {@code incoming}. */
    abstract DataQueue<IncomingReport> submissions(DataQueue<IncomingReport> incoming, PipelineHealth pipelineHealth);

    /** The heartbeat's {@code redis} check. */
    abstract HealthCheck health();

    /** The request path's sample rate, fallback cache and rate limiter, and its usage counters (built on demand). */
    record Requests(LocateSampleRate sampleRate, FallbackCache fallbackCache, RateLimiter rateLimiter,
                    Supplier<ApiKeyUsage> usage) {
    }
}
