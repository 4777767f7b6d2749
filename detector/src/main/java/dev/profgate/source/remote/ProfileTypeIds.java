package dev.profgate.source.remote;

import java.util.List;

/** Resolves a profile type the user named against the ids a server lists ({@code name:sample_type:unit:...}). */
final class ProfileTypeIds {
    /** Ids listed in an error before the list is cut. */
    static final int LISTED = 25;

    private ProfileTypeIds() {
    }

    /**
     * The id equal to {@code requested}, else the only id whose name (first part) or sample type (second part) is
     * {@code requested}; {@code caller} names the server in the error when there is none or more than one.
     */
    static String resolve(String requested, List<String> ids, HttpCaller caller, String what) {
        if (ids.contains(requested)) {
            return requested;
        }
        List<String> matching = ids.stream().filter(id -> {
            String[] parts = id.split(":");
            return parts[0].equals(requested) || parts.length > 1 && parts[1].equals(requested);
        }).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw caller.error(what, matching.isEmpty()
                ? "no profile type '" + requested + "'; available: " + list(ids)
                : "profile type '" + requested + "' is ambiguous; give one of: " + list(matching));
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
