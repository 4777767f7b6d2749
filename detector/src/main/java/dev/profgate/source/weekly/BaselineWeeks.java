package dev.profgate.source.weekly;

import dev.profgate.format.ProfileFormat;
import dev.profgate.source.Baseline;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.remote.TimeRange;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline history: every stored baseline whose manifest date falls into a week, its profiles under the
 * manifest's service ({@code default} when it names none). Each baseline is verified against its manifest when read,
 * and its profiles are read within the store's limits.
 */
public record BaselineWeeks(BaselineStore store) implements WeeklySource {
    @Override
    public void read(List<TimeRange> weeks, String type, Sink sink) {
        files(weeks, (service, week, profile) ->
                sink.accept(service, week, ProfileFormat.readSamples(profile, type, store.limits())));
    }

    /** Hands the profile files of every baseline dated into one of {@code periods} to {@code sink}, in one thread. */
    public void files(List<TimeRange> periods, DatedFiles.Sink sink) {
        for (BaselineStore.Listing listing : store.list()) {
            int period = listing.manifest() == null ? -1
                    : DatedFiles.periodOf(periods, listing.manifest().date().toEpochMilli());
            if (period >= 0) {
                Baseline baseline = store.open(listing.name());
                String service = baseline.manifest().service() == null ? "default" : baseline.manifest().service();
                for (Path profile : baseline.profiles()) {
                    sink.accept(service, period, profile);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "baseline store " + store.root();
    }
}
