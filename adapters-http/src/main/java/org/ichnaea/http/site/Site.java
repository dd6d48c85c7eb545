package org.ichnaea.http.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ichnaea.core.StoreUnavailableException;
import org.ichnaea.core.stats.InMemoryRegionStatStore;
import org.ichnaea.core.stats.StatKey;
import org.ichnaea.http.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web site of docs/site.md, served by the same Javalin application as the APIs and working fully
 * offline: Pebble pages, the statistics feeds, the map tiles and exports from the data directory, and the CSS,
 * JavaScript, Leaflet and uPlot files from the class path. No page links to a CDN or an external font; the only
 * outside requests are the optional base map's tiles, made by the visitor's browser.
 */
public final class Site {

    private static final Logger LOG = LoggerFactory.getLogger(Site.class);

    /** Pages and feeds: they show live figures, so browsers and proxies keep them briefly. */
    static final String PAGE_CACHE = "max-age=60";
    /** Favicon, touch icon, robots.txt and static files (docs/site.md: 86400). */
    static final String ASSET_CACHE = "public, max-age=86400";
    /** Map tiles and export files, rewritten by the jobs at most hourly. */
    static final String DATA_CACHE = "public, max-age=3600";
    /** How long rendered statistics stay in process. */
    static final Duration RENDER_TTL = Duration.ofSeconds(60);

    static final String ROBOTS = """
            User-agent: *
            Disallow: /downloads
            Disallow: /static/
            Disallow: /v1/
            Disallow: /v2/
            Disallow: /__heartbeat__
            Disallow: /__lbheartbeat__
            Disallow: /__version__
            """;

    private static final String HTML = "text/html;charset=utf-8";
    private static final String JSON = "application/json";
    private static final Pattern COORDINATE = Pattern.compile("0|[1-9][0-9]{0,6}");
    private static final Pattern TILE_FILE = Pattern.compile("(0|[1-9][0-9]{0,6})(@2x)?\\.png");
    private static final int MAX_TILE_ZOOM = 22;
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD);

    /** The text pages: path, template and title. */
    private record TextPage(String path, String template, String title) {
    }

    private static final List<TextPage> TEXT_PAGES = List.of(
            new TextPage("/api", "api", "API"),
            new TextPage("/contact", "contact", "Contact"),
            new TextPage("/optout", "optout", "Opt-out"),
            new TextPage("/privacy", "privacy", "Privacy notice"),
            new TextPage("/terms", "terms", "Developer terms of service"));

    private final SiteServices services;
    private final Templates templates = new Templates();
    private final Assets assets = new Assets();
    private final Downloads downloads;
    private final RenderCache cache;
    private final Map<String, String> textPages = new ConcurrentHashMap<>();
    private final String contentSecurityPolicy;

    public Site(SiteServices services) {
        this.services = services;
        this.downloads = new Downloads(services.exportDir());
        this.cache = new RenderCache(services.clock(), RENDER_TTL);
        this.contentSecurityPolicy = contentSecurityPolicy(services.baseMapUrl());
    }

    /** Adds every route of the site (GET and HEAD). */
    public void register(RoutesConfig routes) {
        route(routes, "/", this::home);
        for (TextPage page : TEXT_PAGES) {
            route(routes, page.path(), ctx -> html(ctx, 200, textPages.computeIfAbsent(page.path(),
                    p -> templates.render(page.template(), model(page.title(), page.template()))), PAGE_CACHE));
        }
        route(routes, "/downloads", this::downloadsPage);
        route(routes, "/downloads/{name}", this::download);
        route(routes, "/map", this::map);
        route(routes, "/map.json", ctx -> send(ctx, 200, JSON, Json.write(Map.of("tiles_url", "/tiles/")),
                PAGE_CACHE));
        route(routes, "/stats", ctx -> statsPage(ctx, "stats", this::renderStats));
        route(routes, "/stats/regions", ctx -> statsPage(ctx, "stats/regions", this::renderRegions));
        route(routes, "/stats_wifi.json", ctx -> feed(ctx, "MLS WiFi", StatKey.UNIQUE_WIFI));
        route(routes, "/stats_cell.json", ctx -> feed(ctx, "MLS Cells", StatKey.UNIQUE_CELL));
        route(routes, "/stats_blue.json", ctx -> feed(ctx, "MLS Bluetooth", StatKey.UNIQUE_BLUE));
        route(routes, "/robots.txt", ctx -> send(ctx, 200, "text/plain;charset=utf-8", ROBOTS, ASSET_CACHE));
        route(routes, "/favicon.ico", ctx -> asset(ctx, "icons/favicon.ico"));
        route(routes, "/apple-touch-icon-precomposed.png", ctx -> asset(ctx, "icons/apple-touch-icon.png"));
        route(routes, "/static/<path>", ctx -> asset(ctx, ctx.pathParam("path")));
        route(routes, "/tiles/{z}/{x}/{file}", this::tile);
    }

    private static void route(RoutesConfig routes, String path, Handler handler) {
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, path, handler);
        }
    }

    // Pages

    private void home(Context ctx) {
        html(ctx, 200, cache.get("home", () -> {
            Map<String, Object> model = model("Overview", "home");
            model.put("totals", totals());
            model.put("preview", Files.isRegularFile(services.tilesDir().resolve("0/0/0@2x.png")));
            return templates.render("home", model);
        }), PAGE_CACHE);
    }

    /** The home page's network counts, or null while the statistics cannot be read. */
    private Map<String, String> totals() {
        LocalDate today = today();
        try {
            Map<String, String> totals = new HashMap<>();
            totals.put("wifi", StatsFigures.count(StatsFigures.current(services.stats(), StatKey.UNIQUE_WIFI, today)));
            totals.put("cell", StatsFigures.count(StatsFigures.current(services.stats(), StatKey.UNIQUE_CELL, today)));
            totals.put("blue", StatsFigures.count(StatsFigures.current(services.stats(), StatKey.UNIQUE_BLUE, today)));
            return totals;
        } catch (StoreUnavailableException e) {
            LOG.warn("statistics unavailable, home page without totals: {}", e.getMessage());
            return null;
        }
    }

    private void map(Context ctx) {
        Map<String, Object> model = model("Map", "map");
        model.put("tilesUrl", Files.isDirectory(services.tilesDir()) ? "/tiles/{z}/{x}/{y}.png" : null);
        model.put("baseMapUrl", services.baseMapUrl());
        html(ctx, 200, templates.render("map", model), PAGE_CACHE);
    }

    private void downloadsPage(Context ctx) {
        Downloads.Listing listing = downloads.list();
        Map<String, Object> model = model("Downloads", "downloads");
        model.put("full", listing.full());
        model.put("diff", listing.diff());
        html(ctx, 200, templates.render("downloads", model), PAGE_CACHE);
    }

    private String renderStats() {
        LocalDate today = today();
        Map<String, Object> model = model("Statistics", "stats");
        model.put("metrics1", StatsFigures.metrics1(services.stats(), today));
        model.put("metrics2", StatsFigures.metrics2(services.stats(), today));
        return templates.render("stats", model);
    }

    private String renderRegions() {
        Map<String, Object> model = model("Region statistics", "stats");
        model.put("rows", services.regionStats().findAll().stream()
                .sorted(InMemoryRegionStatStore.ORDER)
                .map(StatsFigures::row)
                .toList());
        return templates.render("regions", model);
    }

    /** A statistics page from the cache; 503 with a friendly page while the statistics cannot be read. */
    private void statsPage(Context ctx, String key, Supplier<String> render) {
        String body;
        try {
            body = cache.get(key, render);
        } catch (StoreUnavailableException e) {
            LOG.warn("statistics unavailable for /{}: {}", key, e.getMessage());
            Map<String, Object> model = model("Statistics unavailable", "stats");
            ctx.header("Retry-After", "60");
            html(ctx, 503, templates.render("unavailable", model), "no-store");
            return;
        }
        html(ctx, 200, body, PAGE_CACHE);
    }

    private void feed(Context ctx, String title, StatKey key) {
        String body;
        try {
            body = cache.get(key.label() + ".json",
                    () -> Json.write(StatsFigures.feed(title, services.stats(), key, today())));
        } catch (StoreUnavailableException e) {
            LOG.warn("statistics unavailable for the {} feed: {}", key.label(), e.getMessage());
            send(ctx, 503, JSON, "{\"series\":[]}", "no-store");
            return;
        }
        send(ctx, 200, JSON, body, PAGE_CACHE);
    }

    // Files

    private void asset(Context ctx, String path) {
        Optional<Assets.Asset> asset = assets.find(path);
        if (asset.isEmpty()) {
            ctx.status(404);
            return;
        }
        send(ctx, 200, asset.get().contentType(), asset.get().bytes(), ASSET_CACHE);
    }

    private void tile(Context ctx) {
        String z = ctx.pathParam("z");
        String x = ctx.pathParam("x");
        Matcher file = TILE_FILE.matcher(ctx.pathParam("file"));
        if (!COORDINATE.matcher(z).matches() || !COORDINATE.matcher(x).matches() || !file.matches()) {
            ctx.status(404);
            return;
        }
        int zoom = Integer.parseInt(z);
        if (zoom > MAX_TILE_ZOOM || Long.parseLong(x) >= 1L << zoom || Long.parseLong(file.group(1)) >= 1L << zoom) {
            ctx.status(404);
            return;
        }
        Path tile = services.tilesDir().resolve(z).resolve(x).resolve(file.group());
        byte[] bytes;
        try {
            if (!Files.isRegularFile(tile, LinkOption.NOFOLLOW_LINKS)) {
                noCoverage(ctx);
                return;
            }
            bytes = Files.readAllBytes(tile);
        } catch (IOException e) {
            // Removed between the check and the read (the job replaces the tiles): as absent.
            noCoverage(ctx);
            return;
        }
        send(ctx, 200, "image/png", bytes, DATA_CACHE);
    }

    /**
     * A tile inside the map with no data: the renderer writes only tiles with coverage, so most of the world has
     * none. 204 rather than 404, which browsers report as a failed load on every empty tile of the map.
     */
    private static void noCoverage(Context ctx) {
        ctx.status(204).header("Cache-Control", DATA_CACHE).result("");
        // No body, so no content type (the API's default is JSON).
        ctx.res().setContentType(null);
    }

    private void download(Context ctx) {
        Optional<Path> file = downloads.find(ctx.pathParam("name"));
        if (file.isEmpty()) {
            ctx.status(404);
            return;
        }
        binary(ctx, "application/gzip");
        ctx.status(200).contentType("application/gzip").header("Cache-Control", DATA_CACHE);
        try {
            ctx.header("Content-Length", Long.toString(Files.size(file.get())));
            if (ctx.method() == HandlerType.HEAD) {
                ctx.result(new byte[0]);
            } else {
                ctx.result(Files.newInputStream(file.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Writing answers

    private Map<String, Object> model(String title, String nav) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("nav", nav);
        return model;
    }

    private void html(Context ctx, int status, String body, String cacheControl) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        send(ctx, status, HTML, body, cacheControl);
    }

    private static void send(Context ctx, int status, String type, String body, String cacheControl) {
        send(ctx, status, type, body.getBytes(StandardCharsets.UTF_8), cacheControl);
    }

    private static void send(Context ctx, int status, String type, byte[] body, String cacheControl) {
        binary(ctx, type);
        ctx.status(status).contentType(type).header("Cache-Control", cacheControl);
        ctx.result(ctx.method() == HandlerType.HEAD ? new byte[0] : body);
    }

    /** Images and archives have no charset: drop the UTF-8 Javalin sets, which Jetty would append to the type. */
    private static void binary(Context ctx, String type) {
        if (type.startsWith("image/") || type.equals("application/gzip")) {
            ctx.res().setCharacterEncoding(null);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
    }

    /**
     * Only this host's resources, plus the base map's tile host for images. Inline styles stay allowed because
     * Leaflet and uPlot position their elements with them.
     */
    static String contentSecurityPolicy(String baseMapUrl) {
        String source = baseMapSource(baseMapUrl);
        return "default-src 'self'; img-src 'self' data:" + (source == null ? "" : " " + source)
                + "; style-src 'self' 'unsafe-inline'";
    }

    /**
     * The CSP source of a tile URL template: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} gives
     * {@code https://*.tile.example.org}; a host CSP cannot express gives the whole scheme.
     */
    static String baseMapSource(String baseMapUrl) {
        if (baseMapUrl == null) {
            return null;
        }
        int schemeEnd = baseMapUrl.indexOf("://");
        String scheme = baseMapUrl.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = baseMapUrl.substring(schemeEnd + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String host = rest.substring(0, end).replaceAll("\\{[^}]*}", "*").toLowerCase(Locale.ROOT);
        if (host.matches("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*(:[0-9]{1,5})?")) {
            return scheme + "://" + host;
        }
        return scheme + ":";
    }
}
