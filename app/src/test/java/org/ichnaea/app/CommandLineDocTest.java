package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/** The README's "Command line" list names exactly the commands of the CLI. */
class CommandLineDocTest {

    private static final String PREFIX = "java -jar app/target/ichnaea.jar ";

    @Test
    void the_readme_lists_every_command_and_no_other() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int start = readme.indexOf("## Command line");
        assertThat(start).as("a \"## Command line\" section").isNotNegative();
        Set<String> documented = new TreeSet<>();
        for (String line : readme.subList(start, readme.size())) {
            if (line.startsWith("## ") && !line.equals("## Command line")) {
                break;
            }
            if (line.startsWith(PREFIX)) {
                documented.add(line.substring(PREFIX.length()).split(" ", 2)[0]);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                new CommandLine(new Main()).getSubcommands().keySet());
    }
}
