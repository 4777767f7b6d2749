package dev.profgate.source.remote;

import dev.profgate.model.Profile;

/** The number of samples of a profile's default type (values converted to counts as the comparison converts them). */
public final class SampleCount {
    private SampleCount() {
    }

    public static long of(Profile profile) {
        if (profile.header().sampleTypes().isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (long count : profile.counts(profile.header().defaultType())) {
            sum += count;
        }
        return sum;
    }
}
