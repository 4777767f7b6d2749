package dev.profgate.cli;

import dev.profgate.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option: the profgate.yml a command takes its settings from, parsed once. */
final class ConfigMixin {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./profgate.yml if it exists, else the built-in defaults).")
    private Path file;

    private Settings settings;

    /** The settings of the file, parsed on first use. */
    Settings settings() {
        if (settings == null) {
            settings = Settings.loadOrDefault(file);
        }
        return settings;
    }
}
