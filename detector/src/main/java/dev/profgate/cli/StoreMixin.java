package dev.profgate.cli;

import dev.profgate.base.Limits;
import dev.profgate.source.BaselineStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option of every command that reads or writes baselines. */
final class StoreMixin {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "baselines",
            description = "Baseline store: one folder per baseline (default: ./${DEFAULT-VALUE}).")
    Path root;

    /** The store, read within the default limits. */
    BaselineStore store() {
        return store(Limits.defaults());
    }

    /** The store, read within {@code limits}. */
    BaselineStore store(Limits limits) {
        return new BaselineStore(root, limits);
    }
}
