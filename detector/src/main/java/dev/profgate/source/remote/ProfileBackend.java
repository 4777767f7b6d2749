package dev.profgate.source.remote;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileMerge;
import java.util.ArrayList;
import java.util.List;

/** A continuous-profiling server that profgate fetches merged profiles from: Pyroscope or Parca. */
public interface ProfileBackend {
    /** The server as errors and reports name it, e.g. {@code pyroscope http://host:4040}. */
    String server();

    /** The server's id of the profile type the user named: a full id, a sample type such as {@code cpu}, or a name. */
    String profileType(String requested, TimeRange range);

    /** Checks that {@code selector} has profiles of {@code type} in {@code range}; the error lists what there is. */
    void checkSelector(String type, LabelSelector selector, TimeRange range);

    /** The profile of {@code type} matching {@code selector} merged over {@code range}, named {@code source}; it may have no samples. */
    Profile fetch(String type, LabelSelector selector, TimeRange range, String source);

    /**
     * The total of {@code type} matching {@code selector} over {@code range}, one series per value of {@code label},
     * a point every {@code stepSeconds}; a server that cannot tell is one error naming it.
     */
    default List<LabelSeries> seriesBy(String type, LabelSelector selector, String label, TimeRange range,
                                       long stepSeconds) {
        throw new BadInputException(server(), "cannot list the values of label " + label + " over time here (Pyroscope "
                + "1.0 or later can); give the deploys with --deploys or --environment");
    }

    /**
     * As {@link #fetch}, in queries no longer than {@code maxQueryMs} (0: one query) whose profiles are merged, as
     * Pyroscope's {@code max_query_length} requires.
     */
    default Profile fetch(String type, LabelSelector selector, TimeRange range, String source, long maxQueryMs) {
        List<Profile> parts = new ArrayList<>();
        for (TimeRange chunk : range.chunks(maxQueryMs)) {
            parts.add(fetch(type, selector, chunk, source));
        }
        return parts.size() == 1 ? parts.get(0) : ProfileMerge.merge(source, parts);
    }
}
