package dev.profgate.cli;

import picocli.CommandLine.Command;

/** {@code profgate baseline save|list|verify|prune}: the stored baselines that {@code --base baseline:NAME} reads. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Save, list, verify and prune stored baselines.",
                "A baseline is a folder <store>/<NAME>/ with manifest.json (service, commit, date, JVM, machine, "
                        + "profile types, JMH options, SHA-256 of every file), profiles/ (gzipped pprof: stacks, "
                        + "values and timestamps only) and jmh/ (JMH results). Compare against one with "
                        + "'profgate compare --base baseline:NAME --head ...'."},
        subcommands = {BaselineSaveCommand.class, BaselineListCommand.class, BaselineVerifyCommand.class,
                BaselinePruneCommand.class})
final class BaselineCommand {
}
