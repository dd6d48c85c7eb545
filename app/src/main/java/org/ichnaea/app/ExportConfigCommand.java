package org.ichnaea.app;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ExportSchema;
import org.ichnaea.core.station.StationSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exportconfig create|list|delete}: the rows of {@code export_config} (docs/storage.md "Schema",
 * docs/algorithms.md §13.1).
 */
@Command(name = "exportconfig", description = "Create, list and delete export configurations.",
        subcommands = {ExportConfigCommand.Create.class, ExportConfigCommand.ListConfigs.class,
            ExportConfigCommand.Delete.class})
final class ExportConfigCommand extends CommandGroup {

    @Command(name = "create", description = "Create or replace an export configuration.")
    static final class Create extends SettingsCommand {
        @Parameters(index = "0", description = "Name: 1 to 40 of A-Z a-z 0-9 _ . -")
        String name;
        @Option(names = "--schema", required = true, description = "internal, geosubmit, file or dummy")
        String schema;
        @Option(names = "--url", description = "geosubmit: the upstream's /v2/geosubmit URL; file: a directory")
        String url;
        @Option(names = "--batch", description = "Reports per export call (default: 1000 for internal, else 100).")
        Integer batch;
        @Option(names = "--skip-keys", description = "Comma-separated API keys whose reports are not exported.")
        String skipKeys;
        @Option(names = "--skip-sources", description = "Comma-separated sources not exported: gnss, fused, fixed, "
                + "query.")
        String skipSources;

        @Override
        public Integer call() {
            ExportSchema parsed = ExportSchema.parse(schema).orElseThrow(() -> new IllegalArgumentException(
                    "unknown export schema '" + schema + "' (internal, geosubmit, file or dummy)"));
            Set<StationSource> sources = new LinkedHashSet<>();
            for (String source : split(skipSources)) {
                sources.add(StationSource.parse(source).orElseThrow(() -> new IllegalArgumentException(
                        "unknown source '" + source + "' (gnss, fused, fixed or query)")));
            }
            int size = batch != null ? batch : parsed == ExportSchema.INTERNAL
                    ? ExportConfig.defaultInternal().batch() : 100;
            ExportConfig config = new ExportConfig(name, size, parsed, url, split(skipKeys), sources);
            try (Application app = Application.openForCommand(settings())) {
                if (parsed == ExportSchema.INTERNAL) {
                    for (ExportConfig other : app.exportConfigs.findAll()) {
                        if (other.schema() == ExportSchema.INTERNAL && !other.name().equals(name)) {
                            throw new IllegalArgumentException("export " + other.name() + " is internal already: "
                                    + "a second one would apply every report twice");
                        }
                    }
                }
                app.exportConfigs.save(config);
            }
            System.out.println("created export " + name);
            return 0;
        }

        private static Set<String> split(String list) {
            if (list == null || list.isBlank()) {
                return Set.of();
            }
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    @Command(name = "list", description = "List every export configuration and its queue.")
    static final class ListConfigs extends SettingsCommand {
        @Override
        public Integer call() {
            try (Application app = Application.openForCommand(settings())) {
                List<ExportConfig> configs = app.exportConfigs.findAll();
                for (ExportConfig c : configs) {
                    System.out.printf("%s schema=%s batch=%d url=%s skip_keys=%s skip_sources=%s queued=%d%n",
                            c.name(), c.schema().id(), c.batch(), c.url() == null ? "-" : c.url(),
                            String.join(",", c.skipKeys()), c.skipSources().stream().map(StationSource::label)
                                    .collect(Collectors.joining(",")), app.queue(c.queueName()).size());
                }
                if (configs.isEmpty()) {
                    System.out.println("no export configuration: reports wait in update_incoming");
                }
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete an export configuration (its queued reports stay queued).")
    static final class Delete extends SettingsCommand {
        @Parameters(index = "0")
        String name;

        @Override
        public Integer call() {
            try (Application app = Application.openForCommand(settings())) {
                if (!app.exportConfigs.delete(name)) {
                    throw new IllegalArgumentException("no export configuration named " + name);
                }
            }
            System.out.println("deleted export " + name);
            return 0;
        }
    }
}
