package org.ichnaea.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ichnaea.core.apikey.ApiKeyStore;
import org.ichnaea.core.apikey.ApiKeyUsage;
import org.ichnaea.core.locate.PositionSearcher;
import org.ichnaea.core.locate.QueryNormalizer;
import org.ichnaea.core.locate.RegionSearcher;
import org.ichnaea.core.submit.SubmitService;
import org.ichnaea.http.site.Site;
import org.ichnaea.http.site.SiteServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web service: every API route of docs/api.md "Differences from Ichnaea" on Javalin 7, with Ichnaea's status codes,
 * envelopes, CORS and security headers, and one structured log line per request (never a full key or a body); with
 * {@link SiteServices}, also the web site of docs/site.md ({@link Site}).
 */
public final class IchnaeaWeb {

    private static final Logger LOG = LoggerFactory.getLogger(IchnaeaWeb.class);
    private static final List<HandlerType> API_METHODS = List.of(HandlerType.GET, HandlerType.HEAD,
            HandlerType.POST);

    /** What the web tier talks to; {@code site} is optional (null: no web site, only the APIs). */
    public record Services(ApiKeyStore keys, ApiKeyUsage usage, QueryNormalizer normalizer,
                           PositionSearcher positions, RegionSearcher regions, SubmitService submit,
                           Map<String, HealthCheck> checks, Clock clock, WebMetrics metrics, SiteServices site) {

        /** Without the web site. */
        public Services(ApiKeyStore keys, ApiKeyUsage usage, QueryNormalizer normalizer, PositionSearcher positions,
                        RegionSearcher regions, SubmitService submit, Map<String, HealthCheck> checks, Clock clock,
                        WebMetrics metrics) {
            this(keys, usage, normalizer, positions, regions, submit, checks, clock, metrics, null);
        }

        /** Without the web site, with fresh metrics. */
        public Services(ApiKeyStore keys, ApiKeyUsage usage, QueryNormalizer normalizer, PositionSearcher positions,
                        RegionSearcher regions, SubmitService submit, Map<String, HealthCheck> checks, Clock clock) {
            this(keys, usage, normalizer, positions, regions, submit, checks, clock, new WebMetrics());
        }

        /** The same services with the web site. */
        public Services withSite(SiteServices newSite) {
            return new Services(keys, usage, normalizer, positions, regions, submit, checks, clock, metrics, newSite);
        }
    }

    private IchnaeaWeb() {
    }

    /** A configured, not yet started Javalin application. */
    public static Javalin create(Services services, WebSettings settings) {
        ApiKeyGate gate = new ApiKeyGate(services.keys(), services.usage(), settings, services.clock());
        long max = settings.maxBodyBytes();
        WebMetrics metrics = services.metrics();
        Handler geolocate = LocateHandler.geolocate(gate, services.normalizer(), services.positions(), max, metrics);
        Handler region = LocateHandler.region(gate, services.normalizer(), services.regions(), max, metrics);
        Map<String, Handler> api = new LinkedHashMap<>();
        api.put("/v1/geolocate", geolocate);
        api.put("/v1/country", region);
        api.put("/v1/region", region);
        api.put("/v2/geosubmit", GeosubmitHandler.v2(gate, services.submit(), max, metrics));
        api.put("/v1/geosubmit", GeosubmitHandler.v1(gate, services.submit(), max, metrics));
        api.put("/v1/submit", GeosubmitHandler.v0(gate, services.submit(), max, metrics));
        Handler heartbeat = new HeartbeatHandler(services.checks());
        Handler lbheartbeat = ctx -> Responses.json(ctx, 200, Map.of("status", "OK"));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("source", settings.version().source());
        version.put("version", settings.version().version());
        version.put("commit", settings.version().commit());
        version.put("build", settings.version().build());
        Handler versionHandler = ctx -> Responses.json(ctx, 200, version);
        Map<String, Object> contribute = contribute();
        Handler contributeHandler = ctx -> Responses.json(ctx, 200, contribute);
        Site site = services.site() == null ? null : new Site(services.site());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // On stop, Jetty stops accepting and gives in-flight requests up to 10 s to finish.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                // Jetty's own 400/414/431 pages carry the security headers too.
                server.setErrorHandler(new SecurityHeaders.JettyErrors());
            });
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = false;
            config.http.maxRequestSize = max;
            config.http.defaultContentType = Responses.JSON;
            config.requestLogger.http((ctx, ms) -> {
                metrics.request(ctx, ms);
                RequestLog.log(ctx, ms, settings.secretKey());
            });
            config.routes.before(ctx -> {
                ClientAddress.resolve(ctx, settings.trustedProxies());
                ctx.header(SecurityHeaders.HSTS, SecurityHeaders.HSTS_VALUE);
                ctx.header(SecurityHeaders.NOSNIFF, SecurityHeaders.NOSNIFF_VALUE);
                if (api.containsKey(ctx.path())) {
                    ctx.header("Access-Control-Allow-Origin", "*");
                    ctx.header("Access-Control-Max-Age", "2592000");
                }
            });
            api.forEach((path, handler) -> {
                for (HandlerType method : API_METHODS) {
                    config.routes.addHttpHandler(method, path, handler);
                }
                config.routes.options(path, ctx -> ctx.status(200).result(""));
            });
            for (HandlerType method : API_METHODS) {
                config.routes.addHttpHandler(method, "/__heartbeat__", heartbeat);
                config.routes.addHttpHandler(method, "/__lbheartbeat__", lbheartbeat);
                config.routes.addHttpHandler(method, "/__version__", versionHandler);
                config.routes.addHttpHandler(method, "/contribute.json", contributeHandler);
            }
            config.routes.get("/__metrics__", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            if (site != null) {
                site.register(config.routes);
            }
            config.routes.exception(ApiException.class, (e, ctx) -> Responses.error(ctx, e.error(), e.details()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                Responses.error(ctx, ApiError.INTERNAL_ERROR, null);
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ApiKeyGate.PATH_ATTRIBUTE) == null && !isMonitoring(ctx.path())) {
                    ctx.contentType("text/html; charset=utf-8").result("<h1>404 Not Found</h1>");
                }
            });
            config.routes.error(413, ctx -> {
                if (api.containsKey(ctx.path()) && (ctx.result() == null || ctx.result().isEmpty())) {
                    Responses.error(ctx, ApiError.PAYLOAD_TOO_LARGE, null);
                }
            });
        });
    }

    /**
     * The monitoring server of a {@code worker}, which has no web tier: {@code /__metrics__} (the jobs' and
     * monitors' metrics) and {@code /__lbheartbeat__}, nothing else.
     */
    public static Javalin monitoring(WebMetrics metrics) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.routes.get("/__metrics__", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            for (HandlerType method : API_METHODS) {
                config.routes.addHttpHandler(method, "/__lbheartbeat__",
                        ctx -> Responses.json(ctx, 200, Map.of("status", "OK")));
            }
        });
    }

    private static boolean isMonitoring(String path) {
        return path.equals("/__heartbeat__") || path.equals("/__lbheartbeat__") || path.equals("/__version__")
                || path.equals("/__metrics__")
                || path.equals("/contribute.json");
    }

    private static Map<String, Object> contribute() {
        Map<String, Object> repository = new LinkedHashMap<>();
        repository.put("url", "https://github.com/ichnaea-jvm/ichnaea");
        repository.put("license", "Apache 2.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ichnaea for the JVM");
        body.put("description", "A location service wire-compatible with Mozilla's Ichnaea.");
        body.put("repository", repository);
        body.put("keywords", List.of("geolocation", "java", "wifi", "cell"));
        return body;
    }
}
