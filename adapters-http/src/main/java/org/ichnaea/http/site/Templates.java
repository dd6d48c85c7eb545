package org.ichnaea.http.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** The Pebble templates under {@code templates/} on the class path, HTML-escaped by default. */
final class Templates {

    private final PebbleEngine engine;

    Templates() {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".html");
        engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .defaultLocale(Locale.ENGLISH)
                .build();
    }

    /** Renders {@code templates/<name>.html}. */
    String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter(8192);
        try {
            engine.getTemplate(name).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
