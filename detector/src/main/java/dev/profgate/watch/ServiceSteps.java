package dev.profgate.watch;

import dev.profgate.model.Profile;

/** One service's profiles, one (merged) per step; null where a step has none. */
public record ServiceSteps(String service, Profile[] steps) {
    /** The steps that have a profile. */
    public int present() {
        int present = 0;
        for (Profile profile : steps) {
            present += profile == null ? 0 : 1;
        }
        return present;
    }
}
