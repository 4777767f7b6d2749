package dev.profgate.source.remote;

import java.util.List;

/** Resolves a profile type the user named against the ids a server lists ({@code name:sample_type:unit:...}). */
final class ProfileTypeIds {
    /** Ids listed in an error before the list is cut. */
    static final int LISTED = 25;

    private ProfileTypeIds() {
    }

    /**
     * The id equal to {@code requested}, else the only id whose name (first part), else sample type (second part),
     * else period type (fourth part) is {@code requested}; {@code caller} names the server in the error when there
     * is none or more than one.
     */
    static String resolve(String requested, List<String> ids, HttpCaller caller, String what) {
        if (ids.contains(requested)) {
            return requested;
        }
        for (int part : new int[] {0, 1, 3}) {
            List<String> matching = ids.stream().filter(id -> {
                String[] parts = id.split(":");
                return parts.length > part && parts[part].equals(requested);
            }).toList();
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                throw caller.error(what, "profile type '" + requested + "' is ambiguous; give one of: "
                        + list(matching));
            }
        }
        throw caller.error(what, "no profile type '" + requested + "'; available: " + list(ids));
    }

    /** The first {@link #LISTED} values, comma-separated, or {@code none}. */
    static String list(List<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", values.subList(0, Math.min(LISTED, values.size())));
        return values.size() > LISTED ? shown + ", … (" + values.size() + " in all)" : shown;
    }
}
