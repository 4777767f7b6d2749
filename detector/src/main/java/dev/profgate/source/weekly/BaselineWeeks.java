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
        for (BaselineStore.Listing listing : store.list()) {
            int week = listing.manifest() == null ? -1
                    : WeeklySource.weekOf(weeks, listing.manifest().date().toEpochMilli());
            if (week >= 0) {
                Baseline baseline = store.open(listing.name());
                String service = baseline.manifest().service() == null ? "default" : baseline.manifest().service();
                for (Path profile : baseline.profiles()) {
                    sink.accept(service, week, ProfileFormat.readSamples(profile, type, store.limits()));
                }
            }
        }
    }

    @Override
    public String describe() {
        return "baseline store " + store.root();
    }
}
