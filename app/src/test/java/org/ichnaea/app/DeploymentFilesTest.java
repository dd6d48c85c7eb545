package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The files of docs/deployment.md ({@code deploy/}) use only what the service has: each variable they set is a
 * declared option (docs/configuration.md) and their values parse, each command line parses as the jar's command
 * line. Docker is not on our machines, so the compose file is read here, not run.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("../deploy");
    private static final Set<String> OPTIONS = Settings.OPTIONS.stream().map(Settings.Option::name)
            .collect(Collectors.toSet());
    /** Set in the files for the JVM or for the MariaDB image, not for the service. */
    private static final Set<String> NOT_OURS = Set.of("JAVA_TOOL_OPTIONS", "MARIADB_ROOT_PASSWORD",
            "MARIADB_DATABASE", "MARIADB_USER", "MARIADB_PASSWORD");

    @Test
    void the_environment_file_sets_declared_options_that_parse() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("systemd/ichnaea.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env).containsKeys("DB_READWRITE_URI", "DB_READONLY_URI", "REDIS_URI", "SECRET_KEY",
                "ICHNAEA_DATA_DIR");
        assertThat(OPTIONS).containsAll(env.keySet());
        assertThatCode(() -> Settings.from(env)).doesNotThrowAnyException();
        assertThat(Settings.from(env).isEmbedded()).isFalse();
    }

    @Test
    void the_systemd_units_run_commands_of_the_jar_with_declared_options() throws IOException {
        List<Path> units;
        try (Stream<Path> files = Files.list(DEPLOY.resolve("systemd"))) {
            units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
        assertThat(units).extracting(u -> u.getFileName().toString())
                .containsExactly("ichnaea-web.service", "ichnaea-worker@.service", "ichnaea.service");
        List<String> commands = new ArrayList<>();
        for (Path unit : units) {
            for (String line : Files.readAllLines(unit)) {
                if (line.startsWith("ExecStart=")) {
                    String args = line.substring(line.indexOf("ichnaea.jar ") + "ichnaea.jar ".length())
                            .replace("%i", "1");
                    commands.add(parses(args.split(" ")));
                } else if (line.startsWith("Environment=")) {
                    String name = line.substring("Environment=".length(), line.indexOf('=', "Environment=".length()));
                    assertThat(OPTIONS).as(unit + ": " + line).contains(name);
                }
            }
        }
        assertThat(commands).containsExactly("web", "worker", "serve");
    }

    @Test
    void the_compose_file_runs_commands_of_the_jar_with_declared_options() throws IOException {
        String compose = Files.readString(DEPLOY.resolve("compose/compose.yaml"));
        assertThat(compose).contains("entrypoint: [\"java\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", "
                + "\"/opt/ichnaea/ichnaea.jar\"]");
        // The ichnaea services: command lines after the entrypoint above.
        List<String> commands = new ArrayList<>();
        Matcher command = Pattern.compile("(?m)^  (migrate|web|worker):\\n(?:    .*\\n|\\n)*?    command: \\[(.*)]")
                .matcher(compose);
        while (command.find()) {
            String[] args = Arrays.stream(command.group(2).split(","))
                    .map(a -> a.strip().replaceAll("^\"|\"$", "")).toArray(String[]::new);
            assertThat(parses(args)).isEqualTo(command.group(1));
            commands.add(command.group(1));
        }
        assertThat(commands).containsExactly("migrate", "web", "worker");
        // Every variable set for a service (the anchor's four spaces in, a service's six) is ours, or the JVM's or
        // the MariaDB image's.
        Matcher variable = Pattern.compile("(?m)^    (?:  )?([A-Z][A-Z0-9_]+): (.*)$").matcher(compose);
        Map<String, String> env = new LinkedHashMap<>();
        while (variable.find()) {
            String name = variable.group(1);
            if (!NOT_OURS.contains(name)) {
                assertThat(OPTIONS).as(name).contains(name);
                env.put(name, variable.group(2).replaceAll("\\$\\{SECRET_KEY:\\?.*}", "x".repeat(32)));
            }
        }
        assertThat(env).containsKeys("DB_READWRITE_URI", "REDIS_URI", "ICHNAEA_DATA_DIR", "ICHNAEA_TRUSTED_PROXIES");
        assertThatCode(() -> Settings.from(env)).doesNotThrowAnyException();
    }

    /** Parses {@code args} as the jar's command line (nothing runs) and answers the subcommand's name. */
    private static String parses(String... args) {
        CommandLine.ParseResult result = new CommandLine(new Main()).parseArgs(args);
        assertThat(result.hasSubcommand()).as(String.join(" ", args)).isTrue();
        return result.subcommand().commandSpec().name();
    }
}
