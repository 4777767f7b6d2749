package dev.profgate.source;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Environment;
import dev.profgate.model.Profile;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a comparison: its profiles (one replicate each), the environment they were recorded in, and notes for
 * the report about how they were found (the files skipped in its folders).
 */
public record Side(List<Profile> profiles, Environment environment, List<String> notes) {
    public Side {
        profiles = List.copyOf(profiles);
        notes = List.copyOf(notes);
    }

    /** A side with nothing to note. */
    public Side(List<Profile> profiles, Environment environment) {
        this(profiles, environment, List.of());
    }

    /**
     * Loads a side given as one {@code baseline:NAME} (verified first; its manifest gives the environment) or as
     * files, directories and globs (the current environment, with the JMH results found in its directories; a note
     * names the files skipped in them), every file read within the store's limits.
     */
    public static Side load(List<String> specs, BaselineStore store) {
        Limits limits = store.limits();
        String baseline = specs.stream().filter(s -> s.startsWith(BaselineStore.SPEC_PREFIX)).findFirst().orElse(null);
        if (baseline == null) {
            ProfileFiles files = ProfileLoader.find(specs);
            return new Side(ProfileLoader.load(specs, files, limits), EnvironmentProbe.ofSide(specs, limits),
                    files.note().stream().toList());
        }
        if (specs.size() > 1) {
            throw new BadInputException(baseline, "a baseline is a whole side; give no other profiles with it");
        }
        Baseline stored = store.open(baseline.substring(BaselineStore.SPEC_PREFIX.length()));
        List<String> files = stored.profiles().stream().map(Path::toString).toList();
        return new Side(ProfileLoader.load(files, limits), stored.manifest().environment());
    }
}
