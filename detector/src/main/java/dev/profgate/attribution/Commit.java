package dev.profgate.attribution;

import java.util.List;

/** One commit of a change set: hash, subject line, and the changed lines of each file (new-side hunks). */
public record Commit(String sha, String subject, List<Hunk> hunks) {
    public Commit {
        hunks = List.copyOf(hunks);
    }

    /** Lines {@code start..end} (1-based, inclusive) of {@code path} after the commit; {@code end < start}: deleted. */
    public record Hunk(String path, int start, int end) {
    }

    /** The first 12 digits of the hash. */
    public String shortSha() {
        return ChangeSet.abbreviate(sha);
    }

    /** Whether the commit changed {@code path}. */
    public boolean touches(String path) {
        return hunks.stream().anyMatch(h -> h.path().equals(path));
    }
}
