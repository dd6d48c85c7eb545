package org.ichnaea.app;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs with the environment its {@link Main} was given ({@link Main#run}). */
abstract class SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The environment of this run. */
    Map<String, String> env() {
        return ((Main) spec.root().userObject()).env();
    }

    /** The settings of this run, with their logging applied ({@link Logging#configure}). */
    Settings settings() {
        Settings settings = Settings.from(env());
        Logging.configure(settings);
        return settings;
    }
}
