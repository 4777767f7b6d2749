package dev.profgate.source;

import dev.profgate.BadInputException;
import dev.profgate.config.Limits;
import dev.profgate.model.Environment;
import dev.profgate.model.Profile;
import java.nio.file.Path;
import java.util.List;

/** One side of a comparison: its profiles (one replicate each) and the environment they were recorded in. */
public record Side(List<Profile> profiles, Environment environment) {
    public Side {
        profiles = List.copyOf(profiles);
    }

    /**
     * Loads a side given as one {@code baseline:NAME} (verified first; its manifest gives the environment) or as
     * files, directories and globs (the current environment, with the JMH results found in its directories), every
     * file read within the store's limits.
     */
    public static Side load(List<String> specs, BaselineStore store) {
        Limits limits = store.limits();
        String baseline = specs.stream().filter(s -> s.startsWith(BaselineStore.SPEC_PREFIX)).findFirst().orElse(null);
        if (baseline == null) {
            return new Side(ProfileLoader.load(specs, limits), EnvironmentProbe.ofSide(specs, limits));
        }
        if (specs.size() > 1) {
            throw new BadInputException(baseline, "a baseline is a whole side; give no other profiles with it");
        }
        Baseline stored = store.open(baseline.substring(BaselineStore.SPEC_PREFIX.length()));
        List<String> files = stored.profiles().stream().map(Path::toString).toList();
        return new Side(ProfileLoader.load(files, limits), stored.manifest().environment());
    }
}
