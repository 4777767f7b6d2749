package dev.profgate.attribution;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.SourceRef;
import dev.profgate.rules.RuleHit;
import dev.profgate.source.Git;
import dev.profgate.source.RepoFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties each regression to the commits of a change set. The finding's call path is walked from the culprit up to the
 * first frame whose file is in the repository (a library culprit such as {@code Pattern.compile} is traced to its
 * application caller); that function's body is found in the head version of the file; commits that wrote lines of
 * the body ({@code git blame base..head}) are high confidence, commits that edited the body without leaving lines
 * ({@code git log -L}) medium, commits that changed the file elsewhere or a caller's file on the path low.
 */
public final class Attributor {
    private static final Pattern BLAME_LINE = Pattern.compile("^([0-9a-f]{40}) \\d+ (\\d+)(?: \\d+)?$");
    private final Git git;
    private final ChangeSet changes;
    private final RepoFiles files;
    private final FrameSources sources;

    public Attributor(Git git, ChangeSet changes, RepoFiles files, FrameSources sources) {
        this.git = git;
        this.changes = changes;
        this.files = files;
        this.sources = sources;
    }

    /** The attribution of every regression (and new function) of {@code findings}, in their order. */
    public List<Attribution> attribute(List<Finding> findings, Function<Finding, List<RuleHit>> hits) {
        return findings.stream().filter(f -> f.kind() == FindingKind.REGRESSION || f.kind() == FindingKind.NEW)
                .map(f -> attribute(f, hits.apply(f))).toList();
    }

    private Attribution attribute(Finding finding, List<RuleHit> hits) {
        List<Frame> frames = repositoryFrames(finding, hits);
        if (frames.isEmpty()) {
            return new Attribution(finding, "", null, null, List.of(), "no matching change: no frame of the call "
                    + "path is a file of the repository");
        }
        Frame culprit = frames.get(0);
        String name = simpleName(culprit.function());
        Optional<FunctionSpan> span = headSource(culprit.path())
                .flatMap(source -> FunctionSpan.find(source, name, culprit.line()));
        Map<String, Suspect> suspects = new LinkedHashMap<>();
        span.ifPresent(s -> bodySuspects(culprit, name, s, suspects));
        fileSuspects(culprit, name, span, suspects);
        frames.stream().skip(1).forEach(caller -> callerSuspects(caller, culprit.path(), suspects));
        List<Suspect> ranked = suspects.values().stream().sorted(Comparator.comparing(Suspect::confidence)
                .thenComparing(Comparator.comparingInt(Suspect::linesInFunction).reversed())).toList();
        String note = ranked.isEmpty() ? "no matching change: no commit of " + changes.range() + " touched "
                + culprit.path() + " or the files of its callers on the path" : "";
        return new Attribution(finding, culprit.function(), culprit.path(), span.orElse(null), ranked, note);
    }

    /** The file's text at the head commit; empty when head does not have it (the working tree is elsewhere). */
    private Optional<String> headSource(String path) {
        boolean present = !git.run("ls-tree", "--name-only", changes.head(), "--", path).isBlank();
        return present ? Optional.of(git.run("show", changes.head() + ":" + path)) : Optional.empty();
    }

    private void bodySuspects(Frame culprit, String name, FunctionSpan span, Map<String, Suspect> suspects) {
        Map<String, Set<Integer>> owned = new LinkedHashMap<>();
        String blame = git.run("blame", "--porcelain", "-L", span.start() + "," + span.end(), changes.base() + ".."
                + changes.head(), "--", culprit.path());
        for (String line : blame.split("\n")) {
            Matcher m = BLAME_LINE.matcher(line);
            if (m.matches() && changes.commit(m.group(1)).isPresent()) {
                owned.computeIfAbsent(m.group(1), sha -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
            }
        }
        String where = "`" + name + "` (" + fileName(culprit.path()) + ":" + span + ")";
        owned.forEach((sha, lines) -> suspects.put(sha, new Suspect(changes.commit(sha).orElseThrow(),
                Confidence.HIGH, "wrote " + fileName(culprit.path()) + ":" + ranges(lines) + " in " + where
                + (lines.contains(culprit.line()) ? ", including the profile's hot line " + culprit.line() : ""),
                lines.size())));
        String log = git.run("log", "-L", span.start() + "," + span.end() + ":" + culprit.path(), "-s",
                "--format=%H", changes.base() + ".." + changes.head());
        log.lines().map(String::strip).filter(sha -> !suspects.containsKey(sha)).forEach(sha -> changes.commit(sha)
                .ifPresent(commit -> suspects.put(sha, new Suspect(commit, Confidence.MEDIUM, "edited " + where
                        + " (removed or replaced lines; none of its lines survive in head)", 0))));
    }

    private void fileSuspects(Frame culprit, String name, Optional<FunctionSpan> span, Map<String, Suspect> suspects) {
        for (Commit commit : changes.commits()) {
            if (commit.touches(culprit.path()) && !suspects.containsKey(commit.sha())) {
                suspects.put(commit.sha(), span.isPresent()
                        ? new Suspect(commit, Confidence.LOW, "changed " + hunks(commit, culprit.path()) + ", outside `"
                        + name + "` (" + span.get() + ")", 0)
                        : new Suspect(commit, Confidence.MEDIUM, "changed " + hunks(commit, culprit.path())
                        + "; the body of `" + name + "` was not found in it", 0));
            }
        }
    }

    private void callerSuspects(Frame caller, String culpritPath, Map<String, Suspect> suspects) {
        if (caller.path().equals(culpritPath)) {
            return;
        }
        for (Commit commit : changes.commits()) {
            if (commit.touches(caller.path()) && !suspects.containsKey(commit.sha())) {
                suspects.put(commit.sha(), new Suspect(commit, Confidence.LOW, "changed " + hunks(commit,
                        caller.path()) + ", the file of caller `" + simpleName(caller.function()) + "` on the path",
                        0));
            }
        }
    }

    /** The call path's frames that are repository files, culprit first (leaf to root), one per function. */
    private List<Frame> repositoryFrames(Finding finding, List<RuleHit> hits) {
        List<String> path = finding.callPath().isEmpty() ? List.of(finding.function()) : finding.callPath();
        Set<String> seen = new LinkedHashSet<>();
        List<Frame> frames = new ArrayList<>();
        for (int i = path.size() - 1; i >= 0; i--) {
            String function = path.get(i);
            SourceRef source = function.equals(finding.function()) ? finding.source() : hotLine(function, hits);
            Optional<String> file = files.resolve(source.file(), function);
            if (file.isPresent() && seen.add(function)) {
                frames.add(new Frame(function, file.get(), source.line()));
            }
        }
        return frames;
    }

    private SourceRef hotLine(String function, List<RuleHit> hits) {
        return hits.stream().filter(h -> h.caller().equals(function) && !h.source().file().isEmpty())
                .map(RuleHit::source).findFirst().orElseGet(() -> sources.of(function));
    }

    /** The simple name of a function: {@code isValid} of {@code a.b.C.isValid}, {@code run} of a lambda in it. */
    static String simpleName(String function) {
        String[] parts = function.replaceAll("\\[.*]$", "").split("\\.");
        String name = parts[parts.length - 1];
        if (name.matches("func\\d+") && parts.length > 1) {
            name = parts[parts.length - 2];
        }
        return name.startsWith("lambda$") ? name.split("\\$")[1] : name.replaceAll("^\\(\\*?|\\)$", "");
    }

    /** {@code File.java:12-14,30}: the lines {@code commit} changed in {@code path} (a deletion: the line after). */
    private static String hunks(Commit commit, String path) {
        Set<Integer> lines = new TreeSet<>();
        commit.hunks().stream().filter(h -> h.path().equals(path))
                .forEach(h -> java.util.stream.IntStream.rangeClosed(h.start(), Math.max(h.start(), h.end()))
                        .forEach(lines::add));
        return fileName(path) + ":" + ranges(lines);
    }

    /** Sorted line numbers as ranges: {@code 18-20,24}. */
    static String ranges(Set<Integer> lines) {
        StringBuilder out = new StringBuilder();
        int start = -1;
        int previous = -1;
        for (int line : lines) {
            if (line != previous + 1) {
                append(out, start, previous);
                start = line;
            }
            previous = line;
        }
        append(out, start, previous);
        return out.toString();
    }

    private static void append(StringBuilder out, int start, int end) {
        if (start < 0) {
            return;
        }
        out.append(out.length() == 0 ? "" : ",").append(start == end ? Integer.toString(start) : start + "-" + end);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private record Frame(String function, String path, int line) {
    }
}
