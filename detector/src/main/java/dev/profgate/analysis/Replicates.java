package dev.profgate.analysis;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The replicates of one comparison, base first: the sample type chosen and checked on every input, each
 * replicate's sample counts per node, what was done with a single profile per side (split by time or not), and
 * the replicates left out as outliers (a note each), and the note on {@link PreemptionFrames} when they were folded.
 */
record Replicates(String type, List<Profile> profiles, List<long[]> counts, int baseReplicates,
                  boolean splitByTime, List<String> leftOut, Optional<String> preemption) {

    /**
     * Checks the inputs and prepares the replicates: {@code requestedType} (else the policy's type, else the first
     * base profile's default type) must exist with one unit in every profile, and every profile must have samples.
     * {@link PreemptionFrames} are folded into the functions they interrupted.
     */
    static Replicates prepare(List<Profile> unfoldedBase, List<Profile> unfoldedHead, String requestedType,
                              Policy policy) {
        requireProfiles(unfoldedBase, "base");
        requireProfiles(unfoldedHead, "head");
        Profile first = unfoldedBase.get(0);
        String requested = requestedType != null ? requestedType : policy.type();
        SampleType reference = first.header().sampleTypes().get(first.header().resolveType(requested, first.source()));
        String type = reference.type();
        requireUnit(unfoldedBase, reference, first);
        requireUnit(unfoldedHead, reference, first);
        PreemptionFrames.Folded folded = PreemptionFrames.fold(unfoldedBase, unfoldedHead, type);
        Optional<String> preemption = folded.note();
        List<Profile> base = folded.base();
        List<Profile> head = folded.head();
        List<Profile> all = new ArrayList<>(base);
        all.addAll(head);
        List<long[]> counts = new ArrayList<>();
        for (Profile profile : all) {
            counts.add(profile.counts(profile.header().indexOf(type)));
            if (sum(counts.get(counts.size() - 1)) == 0) {
                throw new BadInputException(profile.source(), "no samples of type '" + type + "'");
            }
        }
        if (base.size() == 1 && head.size() == 1 && base.get(0).hasTimeline() && head.get(0).hasTimeline()) {
            List<Profile> baseWindows = windows(base.get(0), type, policy.replicatesPerProfile());
            List<Profile> headWindows = windows(head.get(0), type, policy.replicatesPerProfile());
            if (baseWindows.size() >= 2 && headWindows.size() >= 2) {
                List<Profile> windows = new ArrayList<>(baseWindows);
                windows.addAll(headWindows);
                List<long[]> windowCounts = windows.stream().map(w -> w.counts(w.header().indexOf(type))).toList();
                return new Replicates(type, windows, windowCounts, baseWindows.size(), true, List.of(), preemption);
            }
        }
        return new Replicates(type, all, counts, base.size(), false, List.of(), preemption);
    }

    /** These replicates without the outliers {@code screen} found, each named in {@link #leftOut}. */
    Replicates without(ReplicateScreen.Result screen) {
        List<Profile> kept = new ArrayList<>();
        List<long[]> keptCounts = new ArrayList<>();
        List<String> notes = new ArrayList<>(leftOut);
        int keptBase = 0;
        for (int r = 0; r < profiles.size(); r++) {
            if (screen.outliers()[r]) {
                notes.add(String.format(Locale.ROOT, "%s (composition statistic %.0f, %.0fx the median %.1f)",
                        profiles.get(r).source(), screen.statistics()[r], screen.statistics()[r] / screen.median(),
                        screen.median()));
            } else {
                kept.add(profiles.get(r));
                keptCounts.add(counts.get(r));
                keptBase += r < baseReplicates ? 1 : 0;
            }
        }
        return new Replicates(type, kept, keptCounts, keptBase, splitByTime, notes, preemption);
    }

    /** True when there is one replicate per side and nothing to estimate a dispersion from. */
    boolean fallback() {
        return profiles.size() == 2;
    }

    /** Time windows of one profile that hold samples of {@code type}. */
    private static List<Profile> windows(Profile profile, String type, int parts) {
        int index = profile.header().indexOf(type);
        return profile.splitByTime(parts).stream().filter(window -> sum(window.counts(index)) > 0).toList();
    }

    /** Checks that every profile has {@code reference}'s type in its unit. */
    private static void requireUnit(List<Profile> profiles, SampleType reference, Profile first) {
        for (Profile profile : profiles) {
            SampleType own = sampleType(profile, reference.type());
            if (!own.unit().equals(reference.unit())) {
                throw new BadInputException(profile.source(), "sample type '" + reference.type() + "' is in "
                        + own.unit() + " here but in " + reference.unit() + " in " + first.source());
            }
        }
    }

    private static void requireProfiles(List<Profile> profiles, String side) {
        if (profiles.isEmpty()) {
            throw new BadInputException(side, "no profiles to compare");
        }
    }

    private static SampleType sampleType(Profile profile, String type) {
        return profile.header().sampleTypes().get(profile.header().resolveType(type, profile.source()));
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
