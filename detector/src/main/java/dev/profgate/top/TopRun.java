package dev.profgate.top;

import dev.profgate.config.Settings;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import java.nio.file.Path;
import java.util.List;

/**
 * The top flow without picocli: read one profile within the limits of {@code settings}, redact its names as they
 * say, and build the table of sample type {@code type} (null: the profile's default), {@code nodeCount} rows at most
 * (0: all).
 */
public record TopRun(Path file, String type, int nodeCount, Settings settings) {
    /** The table; throws {@link dev.profgate.base.BadInputException} for an unreadable profile or unknown type. */
    public TopTable table() {
        Profile profile = settings.redaction().apply(List.of(ProfileFormat.read(file, settings.limits()))).get(0);
        return TopTable.of(profile, profile.header().resolveType(type, profile.source()), nodeCount);
    }
}
