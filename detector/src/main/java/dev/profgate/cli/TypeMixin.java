package dev.profgate.cli;

import picocli.CommandLine.Option;

/** The {@code --type} option: which sample type of the profiles a command reads. */
final class TypeMixin {
    @Option(names = "--type", paramLabel = "T",
            description = "Sample type: cpu, samples, alloc_space, inuse_objects, delay, ... or an index (default: "
                    + "profgate.yml's type for compare; cpu from a Pyroscope server; else the profiles' default "
                    + "type).")
    String name;
}
