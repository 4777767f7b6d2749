package dev.profgate.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The files one side's arguments name: its profiles, and the files skipped beside them in its folders (a README, a
 * marker file, anything whose content is not a profile).
 */
public record ProfileFiles(List<Path> profiles, List<Path> skipped) {
    public ProfileFiles {
        profiles = List.copyOf(profiles);
        skipped = List.copyOf(skipped);
    }

    /** The report's note naming the skipped files, when there are any. */
    public Optional<String> note() {
        return skipped.isEmpty() ? Optional.empty() : Optional.of("Skipped, not a profile: " + skippedNames() + ".");
    }

    /** The skipped files, comma-separated. */
    String skippedNames() {
        return skipped.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
