package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the declared options, with their defaults and documentation. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("../docs/configuration.md");

    @Test
    void every_declared_option_is_documented_with_its_default_and_meaning() throws IOException {
        Map<String, String> rows = Files.readAllLines(DOC).stream()
                .filter(l -> l.startsWith("| `"))
                .collect(Collectors.toMap(l -> l.substring(3, l.indexOf('`', 3)), l -> l));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                Settings.OPTIONS.stream().map(Settings.Option::name).toList());
        for (Settings.Option option : Settings.OPTIONS) {
            String row = rows.get(option.name());
            String expectedDefault = option.defaultValue().isEmpty() ? "(unset)" : "`" + option.defaultValue() + "`";
            List<String> cells = List.of(row.split(" \\| "));
            assertThat(cells.get(1)).as(option.name()).isEqualTo(expectedDefault);
            assertThat(cells.get(2).replaceAll(" \\|$", "")).as(option.name()).isEqualTo(option.doc());
        }
    }
}
