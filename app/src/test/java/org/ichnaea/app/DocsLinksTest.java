package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The link check of the documentation: every relative link of every Markdown file of the repository (README,
 * CHANGELOG, {@code docs/}, {@code bench/}, {@code deploy/}, ...) names a file or directory that exists, and a
 * {@code #fragment} names a heading of its target (GitHub's anchors: lower case, punctuation but {@code -} and
 * {@code _} dropped, spaces as {@code -}, a {@code -N} suffix for repeated headings). Links to other sites are not
 * fetched.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code [text](target)} and {@code [text](target "title")}, not images' data URIs. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void every_relative_link_of_the_markdown_files_resolves() throws IOException {
        List<Path> files = markdownFiles();
        assertThat(files).as("the documentation was found").extracting(p -> ROOT.relativize(p).toString())
                .contains("README.md", "docs/architecture.md", "docs/deployment.md");
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : files) {
            boolean fenced = false;
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // https:, mailto:, ...
                    }
                    links++;
                    String problem = check(file, target);
                    if (problem != null) {
                        broken.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertThat(links).as("links checked").isGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    private String check(Path file, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment != null && !fragment.isEmpty() && resolved.toString().endsWith(".md")
                && !anchorsOf(resolved).contains(fragment)) {
            return "no heading with this anchor";
        }
        return null;
    }

    private Set<String> anchorsOf(Path file) {
        return anchors.computeIfAbsent(file, f -> {
            Set<String> found = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fenced = false;
            try {
                for (String line : Files.readAllLines(f)) {
                    if (line.strip().startsWith("```")) {
                        fenced = !fenced;
                    }
                    Matcher m = HEADING.matcher(line);
                    if (!fenced && m.matches()) {
                        String slug = slug(m.group(1));
                        int n = seen.merge(slug, 1, Integer::sum);
                        found.add(n == 1 ? slug : slug + "-" + (n - 1));
                    }
                    Matcher html = Pattern.compile("<a (?:name|id)=\"([^\"]+)\"").matcher(line);
                    while (html.find()) {
                        found.add(html.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        });
    }

    /** GitHub's heading anchor. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String relative = ROOT.relativize(p).toString().replace('\\', '/');
                        return !relative.startsWith(".") && !relative.contains("/target/")
                                && !relative.startsWith("target/") && !relative.contains("node_modules");
                    })
                    .sorted().toList();
        }
    }

    /** The team's reference files outside the repository, which nothing here may cite (issue 16). */
    private static final List<String> OUTSIDE = List.of("ichnaea-" + "behaviour.md", "compati" + "bility.md");

    /**
     * Plain-text citations such as {@code docs/storage.md "Blocked stations"} or {@code decisions/010} name files of
     * this repository, and nothing cites the team's reference files that are not in it.
     */
    @Test
    void every_cited_doc_and_decision_exists() throws IOException {
        Pattern docPath = Pattern.compile("(?<![\\w./-])docs/([\\w./-]+?\\.md)");
        Pattern decision = Pattern.compile("(?<![\\w./-])decisions/(\\d{3})(?!\\d)");
        Set<String> decisions = new HashSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/decisions"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{3}-.*\\.md"))
                    .forEach(n -> decisions.add(n.substring(0, 3)));
        }
        List<String> missing = new ArrayList<>();
        int citations = 0;
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path file : paths.filter(p -> p.toString().matches(".*\\.(java|md|sh|py|xml|properties)$"))
                    .filter(p -> {
                        String relative = ROOT.relativize(p).toString().replace('\\', '/');
                        return !relative.startsWith(".") && !relative.contains("target/");
                    }).sorted().toList()) {
                String text = Files.readString(file);
                for (String outside : OUTSIDE) {
                    if (text.contains(outside)) {
                        missing.add(ROOT.relativize(file) + ": " + outside + " (not in this repository)");
                    }
                }
                Matcher m = docPath.matcher(text);
                while (m.find()) {
                    citations++;
                    if (!Files.exists(ROOT.resolve("docs").resolve(m.group(1)))) {
                        missing.add(ROOT.relativize(file) + ": docs/" + m.group(1));
                    }
                }
                Matcher d = decision.matcher(text);
                while (d.find()) {
                    citations++;
                    if (!decisions.contains(d.group(1))) {
                        missing.add(ROOT.relativize(file) + ": decisions/" + d.group(1));
                    }
                }
            }
        }
        assertThat(citations).isGreaterThan(100);
        assertThat(missing).as("citations of files that do not exist").isEmpty();
    }

    @Test
    void anchors_are_githubs() {
        assertThat(slug("13.4 Data map and tiles (Ichnaea 4.3, 5.7)")).isEqualTo("134-data-map-and-tiles-ichnaea-43-57");
        assertThat(slug("`/__heartbeat__`")).isEqualTo("__heartbeat__");
        assertThat(slug("Scale-out: Redis Cluster vs single Redis (issue 14)"))
                .isEqualTo("scale-out-redis-cluster-vs-single-redis-issue-14");
    }
}
