package dev.profgate.deploy;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Progress;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileMerge;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.SampleCount;
import dev.profgate.source.remote.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches one side's window from a {@link ProfileBackend} as replicates. The window is cut into sub-windows (each
 * fetched in pieces no longer than the query-length limit, merged). With a given number of replicates, a sub-window
 * with fewer than the minimum samples is left out and said so; chosen automatically, {@value FetchPlan#AUTO_PIECES}
 * sub-windows are grouped into 6, 3 or 2 replicates, the most for which every group has enough samples, else one.
 * A window without enough samples in all is an error naming the server, query and window. Each sub-window fetched is
 * told to {@code progress}.
 */
public final class WindowFetcher {
    private static final int[] AUTO_GROUPS = {6, 3, 2};

    private final ProfileBackend backend;
    private final String type;
    private final FetchPlan plan;
    private final Progress progress;

    public WindowFetcher(ProfileBackend backend, String type, FetchPlan plan, Progress progress) {
        this.backend = backend;
        this.type = type;
        this.plan = plan;
        this.progress = progress;
    }

    public FetchedSide fetch(WindowQuery query) {
        int pieces = plan.replicates() > 0 ? plan.replicates() : FetchPlan.AUTO_PIECES;
        List<TimeRange> ranges = query.range().split(pieces);
        List<Profile> windows = new ArrayList<>();
        long[] samples = new long[pieces];
        long total = 0;
        for (int i = 0; i < pieces; i++) {
            windows.add(backend.fetch(type, query.selector(), ranges.get(i), query.side() + " " + (i + 1) + "/"
                    + pieces + " " + ranges.get(i), plan.maxQueryMs()));
            samples[i] = SampleCount.of(windows.get(i));
            total += samples[i];
            progress.done("fetched " + query.side() + " window " + (i + 1) + "/" + pieces + " (" + ranges.get(i) + ", "
                    + samples[i] + " samples)");
        }
        if (total < plan.minSamples()) {
            throw error(query, (total == 0 ? "no samples" : "only " + total + " samples") + " in the " + query.side()
                    + " window " + query.range() + ", fewer than the " + plan.minSamples()
                    + " needed: widen the window or check the selector");
        }
        return plan.replicates() > 0 ? given(query, windows, samples) : automatic(query, windows, samples);
    }

    private FetchedSide given(WindowQuery query, List<Profile> windows, long[] samples) {
        List<Profile> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            if (samples[i] >= plan.minSamples()) {
                kept.add(windows.get(i));
            } else {
                notes.add("Left out " + windows.get(i).source() + ": " + samples[i] + " samples, fewer than the "
                        + plan.minSamples() + " a replicate needs.");
            }
        }
        if (kept.isEmpty()) {
            throw error(query, "every " + query.side() + " sub-window of " + query.range() + " has fewer than "
                    + plan.minSamples() + " samples: use fewer --replicates or a longer window");
        }
        notes.add(0, summary(query, kept.size(), windows.size() + " sub-windows asked"));
        return new FetchedSide(kept, notes);
    }

    private FetchedSide automatic(WindowQuery query, List<Profile> windows, long[] samples) {
        for (int groups : AUTO_GROUPS) {
            if (everyGroupHasEnough(samples, groups)) {
                return new FetchedSide(group(query, windows, groups), List.of(summary(query, groups,
                        "the most sub-windows with at least " + plan.minSamples() + " samples each")));
            }
        }
        return new FetchedSide(group(query, windows, 1), List.of(summary(query, 1, "too few samples for two "
                + "sub-windows of " + plan.minSamples() + ": compared as one profile")));
    }

    private boolean everyGroupHasEnough(long[] samples, int groups) {
        int size = samples.length / groups;
        for (int g = 0; g < groups; g++) {
            long sum = 0;
            for (int i = g * size; i < (g + 1) * size; i++) {
                sum += samples[i];
            }
            if (sum < plan.minSamples()) {
                return false;
            }
        }
        return true;
    }

    private static List<Profile> group(WindowQuery query, List<Profile> windows, int groups) {
        int size = windows.size() / groups;
        List<TimeRange> ranges = query.range().split(groups);
        List<Profile> replicates = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Profile> members = windows.subList(g * size, (g + 1) * size);
            replicates.add(members.size() == 1 ? members.get(0) : ProfileMerge.merge(query.side() + " " + (g + 1)
                    + "/" + groups + " " + ranges.get(g), members));
        }
        return replicates;
    }

    private String summary(WindowQuery query, int replicates, String why) {
        return "The " + query.side() + " side is " + type + query.selector() + " over " + query.range() + " from "
                + backend.server() + ": " + replicates + (replicates == 1 ? " replicate" : " replicates") + " ("
                + why + ").";
    }

    private BadInputException error(WindowQuery query, String problem) {
        return new BadInputException(backend.server() + " " + type + query.selector(), problem);
    }
}
