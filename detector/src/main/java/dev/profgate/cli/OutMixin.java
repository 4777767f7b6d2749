package dev.profgate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out DIR} option: the folder a command writes its report files to; its description lists them. */
final class OutMixin {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the reports are written to (which files, and the default if any: see above).")
    Path folder;

    /** The folder given, else {@code fallback}. */
    Path folderOr(Path fallback) {
        return folder != null ? folder : fallback;
    }
}
