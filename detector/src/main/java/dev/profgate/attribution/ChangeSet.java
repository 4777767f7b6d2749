package dev.profgate.attribution;

import dev.profgate.source.Git;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deploy (or a commit range) changed: its base and head commits and the commits reachable from head but not
 * base, newest first, each with its changed files and line ranges ({@code git log -p -U0}).
 */
public record ChangeSet(String base, String head, List<Commit> commits) {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*");
    private static final String START = "\u001e";
    private static final String FIELD = "\u001f";

    public ChangeSet {
        commits = List.copyOf(commits);
    }

    /** The commits of {@code git} between {@code baseRev} and {@code headRev}. */
    public static ChangeSet between(Git git, String baseRev, String headRev) {
        String base = git.resolve(baseRev, "--base-ref");
        String head = git.resolve(headRev, "--head-ref");
        String log = git.run("log", "-p", "-U0", "--no-renames", "--no-color", "--no-ext-diff",
                "--format=" + START + "%H" + FIELD + "%s", base + ".." + head);
        List<Commit> commits = new ArrayList<>();
        for (String entry : log.split(START)) {
            if (!entry.isBlank()) {
                commits.add(parse(entry));
            }
        }
        return new ChangeSet(base, head, commits);
    }

    /** {@code base..head} with abbreviated hashes, as a user reads it. */
    public String range() {
        return abbreviate(base) + ".." + abbreviate(head);
    }

    /** The first 12 digits of a commit hash. */
    public static String abbreviate(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }

    /** The commit with hash {@code sha}, if it is in this change set. */
    public java.util.Optional<Commit> commit(String sha) {
        return commits.stream().filter(c -> c.sha().equals(sha)).findFirst();
    }

    private static Commit parse(String entry) {
        String[] lines = entry.split("\n");
        String[] header = lines[0].split(FIELD, 2);
        List<Commit.Hunk> hunks = new ArrayList<>();
        String path = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("--- a/")) {
                path = line.substring(6);
            } else if (line.startsWith("+++ b/")) {
                path = line.substring(6);
            } else if (line.startsWith("diff --git")) {
                path = null;
            } else if (path != null) {
                Matcher m = HUNK.matcher(line);
                if (m.matches()) {
                    int start = Integer.parseInt(m.group(1));
                    int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    hunks.add(new Commit.Hunk(path, count == 0 ? start + 1 : start, start + count - 1));
                }
            }
        }
        return new Commit(header[0].strip(), header.length > 1 ? header[1] : "", hunks);
    }
}
