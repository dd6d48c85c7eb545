package org.ichnaea.app;

import picocli.CommandLine;

/** A command that only groups subcommands ({@code apikey}, {@code import}, ...): run alone, it prints its usage. */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
