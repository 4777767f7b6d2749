package dev.profgate.cli;

import dev.profgate.base.Limits;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of the commands that take only the {@code limits:} of {@code profgate.yml}. */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file whose limits: apply to the files read (default: ./profgate.yml if it exists).")
    Path file;

    /** The limits of the settings file, or the defaults without one. */
    Limits limits() {
        return Settings.load(CompareRun.configOrDefault(file)).limits();
    }
}
