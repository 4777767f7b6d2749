package dev.profgate.source.remote;

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
