package org.ichnaea.app;

import ch.qos.logback.classic.Level;
import io.javalin.Javalin;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.apikey.ApiKey;
import org.ichnaea.core.apikey.FallbackSchema;
import org.ichnaea.app.files.StationFileException;
import org.ichnaea.app.files.StationJsonLines;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of README.md "Command line": {@code java -jar app/target/ichnaea.jar COMMAND ...}. */
@Command(name = "ichnaea", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Ichnaea for the JVM: a location service wire-compatible with Mozilla's Ichnaea.",
        subcommands = {Main.Serve.class, Main.Web.class, Main.Worker.class, Main.Process.class, Main.Migrate.class,
            Main.ApiKeys.class, ExportConfigCommand.class, Main.Import.class, Main.Export.class, Main.Evaluate.class,
            StationCommand.class, GeoIpCommand.class})
public final class Main extends CommandGroup {

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** Runs a command with the given environment; answers the exit code. */
    public static int run(String[] args, Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(env));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ichnaea: " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    /** The environment the commands read their settings from (SettingsCommand). */
    private final Map<String, String> env;

    /** The command line over this process's environment. */
    public Main() {
        this(System.getenv());
    }

    /** The command line over {@code env} instead of this process's environment. */
    public Main(Map<String, String> env) {
        this.env = env;
    }

    Map<String, String> env() {
        return env;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The version from the manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ichnaea " + Version.info().version()};
        }
    }

    /** Shared {@code --host} and {@code --port}. */
    abstract static class ServerOptions extends SettingsCommand {
        @Option(names = "--host", description = "Address to listen on (default: ICHNAEA_HOST or 0.0.0.0).")
        String host;

        @Option(names = "--port", description = "Port to listen on (default: ICHNAEA_PORT or 8000).")
        Integer port;

        int serve(boolean pipeline) throws InterruptedException {
            Settings settings = settings().withHostAndPort(host, port);
            Application application = Application.openService(settings);
            Javalin web = application.web(Clock.systemUTC());
            org.ichnaea.core.jobs.JobScheduler scheduler = pipeline ? schedulePipeline(application, env()) : null;
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                web.stop();
                stopScheduler(scheduler);
                application.close();
                stopped.countDown();
            }, "ichnaea-shutdown"));
            web.start(settings.host(), settings.port());
            String where = settings.isEmbedded() ? "embedded database " + settings.dataDir().toAbsolutePath()
                    : "database " + org.ichnaea.mysql.DatabaseUrls.redact(settings.dbReadWriteUri());
            System.out.printf("Ichnaea listening on http://%s:%d/ (%s)%n",
                    "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host(), web.port(), where);
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "worker", description = "Pipeline workers and the periodic jobs only, until stopped.")
    static final class Worker extends SettingsCommand {
        @Option(names = "--metrics-port", description = "Serve /__metrics__ and /__lbheartbeat__ on this port "
                + "(on ICHNAEA_HOST); default: none.")
        Integer metricsPort;

        @Override
        public Integer call() throws InterruptedException {
            Settings settings = settings();
            if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
                throw new IllegalArgumentException("--metrics-port: not a port number: " + metricsPort);
            }
            Application application = Application.openService(settings);
            // The jobs' metrics: on the monitoring port, and to StatsD with STATSD_HOST.
            org.ichnaea.http.WebMetrics metrics = metricsPort == null && settings.telemetry().statsdHost() == null
                    ? null : application.workerMetrics();
            org.ichnaea.core.jobs.JobScheduler scheduler = schedulePipeline(application, env());
            Javalin monitoring = metricsPort == null ? null : org.ichnaea.http.IchnaeaWeb.monitoring(metrics);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (monitoring != null) {
                    monitoring.stop();
                }
                stopScheduler(scheduler);
                application.close();
                stopped.countDown();
            }, "ichnaea-shutdown"));
            if (monitoring != null) {
                monitoring.start(settings.host(), metricsPort);
                System.out.printf("Ichnaea worker metrics on http://%s:%d/__metrics__%n",
                        "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host(), monitoring.port());
            }
            System.out.println("Ichnaea worker running " + scheduler.jobs().size() + " periodic jobs");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    /** Starts the periodic jobs of serve and worker (docs/architecture.md "Periodic jobs"). */
    static org.ichnaea.core.jobs.JobScheduler schedulePipeline(Application application, Map<String, String> env) {
        Map<String, Long> periods = PipelineJobs.periods(env.get(PipelineJobs.INTERVALS.name()));
        PipelineJobs.Parts parts = PipelineJobs.parts(application, Clock.systemUTC());
        org.ichnaea.core.jobs.JobScheduler scheduler = PipelineJobs.schedule(parts, periods);
        application.registerJobMetrics(scheduler, parts.monitor(), parts.pipeline());
        return scheduler;
    }

    /** Lets running jobs finish (up to 30 s) and stops the scheduler. */
    static void stopScheduler(org.ichnaea.core.jobs.JobScheduler scheduler) {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Command(name = "process", description = "Drain every pipeline queue now, update statistics, region totals "
            + "and map tiles, then exit.")
    static final class Process extends SettingsCommand {
        @Override
        public Integer call() {
            try (Application app = Application.openForCommand(settings())) {
                org.ichnaea.core.pipeline.Pipeline.Result result = PipelineJobs.processAll(
                        PipelineJobs.parts(app, Clock.systemUTC()));
                System.out.printf("processed %d reports (%d dropped), %d observations: %s%n", result.reports(),
                        result.droppedReports(), result.observations(), result.actions());
            }
            return 0;
        }
    }

    @Command(name = "serve", description = "Web service, plus the pipeline and its periodic jobs.")
    static final class Serve extends ServerOptions {
        @Override
        public Integer call() throws InterruptedException {
            return serve(true);
        }
    }

    @Command(name = "web", description = "Web tier only.")
    static final class Web extends ServerOptions {
        @Override
        public Integer call() throws InterruptedException {
            return serve(false);
        }
    }

    @Command(name = "migrate", description = "Create or upgrade the database schema.")
    static final class Migrate extends SettingsCommand {
        @Override
        public Integer call() {
            try (Application app = Application.open(settings())) {
                System.out.println("schema at version " + app.writes.schemaVersion());
            }
            return 0;
        }
    }

    @Command(name = "apikey", description = "Create, list and delete API keys.",
            subcommands = {ApiKeys.Create.class, ApiKeys.ListKeys.class, ApiKeys.Delete.class})
    static final class ApiKeys extends CommandGroup {

        @Command(name = "create", description = "Create or replace a key (no daily limit unless --maxreq, locate and "
                + "region allowed, no fallback); prints what it made.")
        static final class Create extends SettingsCommand {
            @Parameters(index = "0", description = "The key: 1 to 40 characters of A-Z a-z 0-9 _ -.")
            String key;
            @Option(names = "--maxreq", description = "Requests per day and API path, then 403 dailyLimitExceeded; "
                    + "0 or none is unlimited (default: unlimited).")
            Integer maxreq;
            @Option(names = "--no-locate", description = "Refuse /v1/geolocate.")
            boolean noLocate;
            @Option(names = "--no-region", description = "Refuse /v1/country.")
            boolean noRegion;
            @Option(names = "--allow-fallback", description = "Allow the external fallback provider.")
            boolean allowFallback;
            @Option(names = "--fallback-name")
            String fallbackName;
            @Option(names = "--fallback-schema", description = "ichnaea/v1, combain/v1, googlemaps/v1, unwiredlabs/v1")
            String fallbackSchema;
            @Option(names = "--fallback-url")
            String fallbackUrl;
            @Option(names = "--fallback-ratelimit")
            Integer fallbackRatelimit;
            @Option(names = "--fallback-ratelimit-interval", description = "Seconds.")
            Integer fallbackRatelimitInterval;
            @Option(names = "--fallback-cache-expire", description = "Seconds.")
            Integer fallbackCacheExpire;
            @Option(names = "--store-sample-locate", description = "Percent of locate queries kept (default 100).")
            Integer storeSampleLocate = 100;
            @Option(names = "--store-sample-submit", description = "Percent of submissions kept (default 100).")
            Integer storeSampleSubmit = 100;

            @Override
            public Integer call() {
                if (!ApiKey.isWellFormed(key)) {
                    throw new IllegalArgumentException("API keys are 1 to 40 characters of A-Z, a-z, 0-9, _ and -");
                }
                FallbackSchema schema = FallbackSchema.parse(fallbackSchema).orElseThrow(() ->
                        new IllegalArgumentException("unknown fallback schema '" + fallbackSchema + "'"));
                for (Integer pct : List.of(storeSampleLocate, storeSampleSubmit)) {
                    if (pct < 0 || pct > 100) {
                        throw new IllegalArgumentException("sample rates are percentages from 0 to 100");
                    }
                }
                ApiKey apiKey = new ApiKey(key, maxreq, allowFallback, !noLocate, !noRegion, fallbackName, schema,
                        fallbackUrl, fallbackRatelimit, fallbackRatelimitInterval, fallbackCacheExpire,
                        storeSampleLocate, storeSampleSubmit);
                try (Application app = Application.openForCommand(settings())) {
                    app.keys.save(apiKey);
                }
                System.out.println("created " + describe(apiKey));
                return 0;
            }

            /** What a key allows, in one line: {@code mykey: no daily limit, locate and region allowed, no fallback}. */
            static String describe(ApiKey k) {
                String limit = k.isLimited() ? "at most " + k.maxreq() + " requests a day per API (then 403 "
                        + "dailyLimitExceeded)" : "no daily limit";
                String apis = k.allowLocate() && k.allowRegion() ? "locate and region allowed"
                        : k.allowLocate() ? "locate allowed, region refused"
                        : k.allowRegion() ? "region allowed, locate refused" : "locate and region refused";
                return k.validKey() + ": " + limit + ", " + apis + ", "
                        + (k.canFallback() ? "fallback " + k.fallbackName() : "no fallback");
            }
        }

        @Command(name = "list", description = "List every key.")
        static final class ListKeys extends SettingsCommand {
            @Override
            public Integer call() {
                try (Application app = Application.openForCommand(settings())) {
                    for (ApiKey k : app.keys.findAll()) {
                        System.out.printf("%s maxreq=%s locate=%s region=%s fallback=%s%n", k.validKey(),
                                k.maxreq() == null ? "unlimited" : k.maxreq(), k.allowLocate(), k.allowRegion(),
                                k.canFallback() ? k.fallbackName() : "no");
                    }
                }
                return 0;
            }
        }

        @Command(name = "delete", description = "Delete a key.")
        static final class Delete extends SettingsCommand {
            @Parameters(index = "0")
            String key;

            @Override
            public Integer call() {
                try (Application app = Application.openForCommand(settings())) {
                    if (!app.keys.delete(key)) {
                        System.err.println("ichnaea: no key " + key);
                        return 1;
                    }
                }
                System.out.println("deleted " + key);
                return 0;
            }
        }
    }

    @Command(name = "import", description = "Import data.", subcommands = {Import.Stations.class, Import.Cells.class})
    static final class Import extends CommandGroup {

        @Command(name = "cells", description = "Import MLS or OpenCelliD cell CSV (FILE or FILE.gz). CDMA rows are "
                + "skipped and counted; rows out of range or malformed are reported by number and skipped; a GSM row "
                + "with a cell id above 65535 is stored as WCDMA. Prints counts per radio and per skip reason; exits "
                + "1 only if some lines were malformed.")
        static final class Cells extends SettingsCommand {
            @Parameters(index = "0", paramLabel = "FILE")
            String file;

            @Override
            public Integer call() throws IOException {
                try (Application app = Application.openForCommand(settings()); InputStream in = open(file)) {
                    long[] reported = {0};
                    org.ichnaea.app.files.CellCsv.Result result = org.ichnaea.app.files.CellCsv.importFrom(in,
                            app.cells, app.regions(), bad -> {
                                if (reported[0]++ < 100) {
                                    System.err.println("ichnaea: " + bad);
                                }
                            }, ProgressLine.to(System.err, "import cells: %,d lines read"));
                    var areas = app.areaUpdater(Clock.systemUTC());
                    List<org.ichnaea.core.radio.CellAreaId> ids = new java.util.ArrayList<>(result.areas());
                    for (int i = 0; i < ids.size(); i += 500) {
                        areas.update(ids.subList(i, Math.min(ids.size(), i + 500)));
                    }
                    System.out.printf("%s; %,d areas recomputed%n", result.summary(), ids.size());
                    return result.malformed() > 0 ? 1 : 0;
                }
            }
        }

        @Command(name = "stations", description = "Import stations from JSON Lines (FILE, FILE.gz or - for stdin).")
        static final class Stations extends SettingsCommand {
            @Parameters(index = "0", paramLabel = "FILE")
            String file;

            @Override
            public Integer call() throws IOException {
                try (Application app = Application.openForCommand(settings()); InputStream in = open(file)) {
                    StationJsonLines lines = new StationJsonLines(app.wifi, app.blue, app.cells, app.areas);
                    try {
                        StationJsonLines.Counts counts = lines.importFrom(in,
                                ProgressLine.to(System.err, "import stations: %,d lines read"));
                        System.out.printf("imported %,d stations (wifi %,d, blue %,d, cell %,d, cellarea %,d)%n",
                                counts.total(), counts.wifi(), counts.blue(), counts.cell(), counts.cellArea());
                        return 0;
                    } catch (StationFileException e) {
                        System.err.println("ichnaea: " + e.getMessage());
                        return 1;
                    }
                }
            }
        }
    }

    @Command(name = "export", description = "Export data.", subcommands = {Export.Stations.class, Export.Cells.class})
    static final class Export extends CommandGroup {

        @Command(name = "cells", description = "Write the public cell export (MLS CSV, gzip) into DIR.")
        static final class Cells extends SettingsCommand {
            @CommandLine.ArgGroup(multiplicity = "1")
            Kind kind;

            static final class Kind {
                @Option(names = "--full", required = true, description = "Cells modified within 365 days.")
                boolean full;
                @Option(names = "--diff", required = true, description = "Cells modified in the previous full hour.")
                boolean diff;
            }

            @Parameters(index = "0", paramLabel = "DIR")
            Path dir;

            @Override
            public Integer call() throws IOException {
                try (Application app = Application.openForCommand(settings())) {
                    ProgressLine progress = ProgressLine.to(System.err, "export cells: %,d cells written");
                    Path file = kind.full ? CellExports.full(app.cells, dir, java.time.Instant.now(), progress)
                            : CellExports.diff(app.cells, dir, java.time.Instant.now(), progress);
                    System.out.println(file);
                }
                return 0;
            }
        }

        @Command(name = "stations", description = "Export every station as JSON Lines (FILE, FILE.gz or -).")
        static final class Stations extends SettingsCommand {
            @Parameters(index = "0", paramLabel = "FILE")
            String file;

            @Override
            public Integer call() throws IOException {
                try (Application app = Application.openForCommand(settings())) {
                    StationJsonLines lines = new StationJsonLines(app.wifi, app.blue, app.cells, app.areas);
                    StationJsonLines.Counts counts;
                    try (OutputStream out = create(file)) {
                        counts = lines.export(out, ProgressLine.to(System.err, "export stations: %,d stations "
                                + "written"));
                    }
                    System.err.printf("exported %,d stations%n", counts.total());
                }
                return 0;
            }
        }
    }

    @Command(name = "evaluate", description = "Measure the engine's accuracy: learn stations in memory from a "
            + "training file of Geosubmit v2 items, answer every query of a test file, print the figures "
            + "(docs/accuracy.md). Touches no database.")
    static final class Evaluate extends SettingsCommand {
        @Option(names = "--train", required = true, paramLabel = "FILE",
                description = "Geosubmit v2 items, one JSON object per line (.jsonl or .jsonl.gz).")
        Path train;
        @Option(names = "--test", required = true, paramLabel = "FILE", description = "Queries, one per line: "
                + "make_queries.py lines ({\"truth\", \"kind\", \"tags\", \"request\"}) or Geosubmit items.")
        Path test;
        @Option(names = "--batch", paramLabel = "N", description = "Reports per batch of the internal export "
                + "(default 1000, the server's).")
        int batch = 1000;
        @Option(names = "--tag", paramLabel = "KEY", description = "Also group the figures by this tag of the test "
                + "queries (repeatable).")
        List<String> tags = new java.util.ArrayList<>();
        @Option(names = "--now", paramLabel = "INSTANT", description = "The fixed instant of learning and asking "
                + "(default 2024-01-01T12:00:00Z).")
        java.time.Instant now;
        @Option(names = "--lookup-order", paramLabel = "ORDER", description = "The order in which the engine gets the "
                + "Wi-Fi and Bluetooth stations it looks up: database (by shard and MAC, as the server's stores; "
                + "default) or query (as the in-memory stores).")
        String lookupOrder = "database";
        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
        Path json;
        @Option(names = "--algorithm", paramLabel = "NAME", description = "refined or ichnaea (default: "
                + "ICHNAEA_ALGORITHM, else refined).")
        String algorithm;

        @Override
        public Integer call() throws IOException {
            Settings settings = settings();
            if ("INFO".equalsIgnoreCase(settings.loggingLevel())) {
                // The pipeline's per-run INFO lines would drown the table; LOGGING_LEVEL=DEBUG still shows them.
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                        .setLevel(Level.WARN);
            }
            org.ichnaea.core.evaluate.EvaluationResult result = Evaluation.run(train, test,
                    new Evaluation.Options(batch, now, tags, lookupOrder(lookupOrder), null,
                            algorithm != null ? org.ichnaea.core.locate.Algorithm.parse(algorithm)
                                    : settings.algorithm()));
            System.out.print(Evaluation.table(result));
            if (json != null) {
                Files.writeString(json, Evaluation.json(result) + "\n");
            }
            System.out.flush();
            return 0;
        }

        private static org.ichnaea.core.evaluate.LookupOrder lookupOrder(String name) {
            for (org.ichnaea.core.evaluate.LookupOrder order : org.ichnaea.core.evaluate.LookupOrder.values()) {
                if (order.name().equalsIgnoreCase(name)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("--lookup-order: database or query, not " + name);
        }
    }

    static InputStream open(String file) throws IOException {
        if ("-".equals(file)) {
            return System.in;
        }
        InputStream in = Files.newInputStream(Path.of(file));
        return file.endsWith(".gz") ? new GZIPInputStream(in, 65536) : in;
    }

    static OutputStream create(String file) throws IOException {
        if ("-".equals(file)) {
            return new BufferedOutputStream(new java.io.FilterOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(file)), 65536);
        return file.endsWith(".gz") ? new GZIPOutputStream(out, 65536) : out;
    }

    static PrintWriter stdout() {
        return new PrintWriter(System.out, true);
    }
}
