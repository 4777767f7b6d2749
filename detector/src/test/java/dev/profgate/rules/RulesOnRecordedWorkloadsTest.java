package dev.profgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.analysis.SourceRef;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.model.Profile;
import dev.profgate.source.ProfileLoader;
import dev.profgate.workload.AntiPatternWorkloads;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules proven on real profiles: child JVMs run {@link AntiPatternWorkloads} (a regex compiled per call, date
 * formatters built per call, a newly contended {@code synchronized} block, exceptions for control flow) and record
 * four interleaved 1.2 s replicates each of the base version, the bad version and the base version again. Each bad
 * version is flagged by exactly its rule, naming the workload method that calls the expensive frame at the source
 * line that does it; the base version against its second recording is flagged by none.
 */
class RulesOnRecordedWorkloadsTest {
    private static final String REPLICATES = "4";
    private static final String MILLIS = "1200";
    private static final String WORKLOAD = "dev.profgate.workload.";
    private static final RuleMatcher MATCHER = new RuleMatcher(RuleCatalogLoader.builtIn());
    private static final Map<String, List<Profile>> SIDES = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void record() throws Exception {
        List<WorkloadRecorder> children = new ArrayList<>();
        for (String family : List.of("regex", "formatter", "lock", "exceptions")) {
            Path out = dir.resolve(family);
            children.add(WorkloadRecorder.selfRecording(AntiPatternWorkloads.class, out, family, out.toString(),
                    REPLICATES, MILLIS));
        }
        for (WorkloadRecorder child : children) {
            child.await();
        }
    }

    @Test
    void patternCompiledPerCall() throws IOException {
        Flagged flagged = assertFlagged("regex", "cpu", "java-regex-compile-per-call",
                "java.util.regex.Pattern.compile", "CardValidation.validate", "Pattern.compile(FORMAT) : COMPILED");
        for (Finding finding : flagged.comparison.findings()) {
            if (RuleMatcher.grew(finding, flagged.comparison.fdr())
                    && finding.callPath().contains("java.util.regex.Pattern.compile")) {
                assertTrue(flagged.hits.containsKey(finding), "every culprit inside the compilation is explained: "
                        + finding);
            }
        }
    }

    @Test
    void dateFormatterBuiltPerCall() throws IOException {
        assertFlagged("formatter", "cpu", "java-date-formatter-per-call", "java.text.SimpleDateFormat.<init>",
                "Timestamps.stamp", "new SimpleDateFormat(STAMP)");
    }

    @Test
    void newlyContendedSynchronizedBlock() throws IOException {
        assertFlagged("lock", "delay", "java-monitor-contention", WORKLOAD + "Ledger.post", "Ledger.post",
                "synchronized (lock)");
    }

    /** JFR's CPU sampler cannot see the VM's stack walk; the allocation profile shows fillInStackTrace's backtraces. */
    @Test
    void exceptionsForControlFlow() throws IOException {
        assertFlagged("exceptions", "alloc_space", "java-exceptions-control-flow",
                "java.lang.Throwable.fillInStackTrace", "QuantityParser.parseOrDefault", "return Integer.parseInt(text);");
    }

    private record Flagged(Comparison comparison, Map<Finding, List<RuleHit>> hits) {
    }

    /**
     * Compares the bad version with the base version on {@code type}: the only rule hit is {@code rule}, one of its
     * hits names {@code frame} called from {@code caller} at the line of {@code callerSnippet}; the base version
     * against its second recording has no hit.
     */
    private static Flagged assertFlagged(String family, String type, String rule, String frame, String caller,
                                         String callerSnippet) throws IOException {
        assertEquals(Map.of(), compare(family, "again", type).hits, "base vs base");

        Flagged flagged = compare(family, "bad", type);
        Map<Finding, List<RuleHit>> hits = flagged.hits;
        List<RuleHit> all = hits.values().stream().flatMap(List::stream).toList();
        assertEquals(Set.of(rule), all.stream().map(RuleHit::id).collect(Collectors.toSet()),
                flagged.comparison.findings().toString());
        String file = (WORKLOAD + caller.substring(0, caller.indexOf('.'))).replace('.', '/') + ".java";
        SourceRef source = new SourceRef(file, lineOf(file, callerSnippet));
        assertTrue(all.stream().anyMatch(hit -> hit.frame().equals(frame) && hit.caller().equals(WORKLOAD + caller)
                && hit.source().equals(source)), "no hit names " + frame + " <- " + caller + " at " + source + ": " + all);
        return flagged;
    }

    /** The base version of {@code family} compared with {@code head} on {@code type}, and the rule hits. */
    private static Flagged compare(String family, String head, String type) {
        List<Profile> base = side(family, "base");
        List<Profile> other = side(family, head);
        Comparison comparison = ProfileComparator.compare(base, other, type, Policy.defaults());
        return new Flagged(comparison, MATCHER.match(comparison, base, other));
    }

    /** The replicates of one version, each recording read once. */
    private static List<Profile> side(String family, String version) {
        return SIDES.computeIfAbsent(family + "/" + version, key ->
                ProfileLoader.load(List.of(dir.resolve(family).resolve(version + "-*.jfr").toString())));
    }

    /** The 1-based line of the workload source that contains {@code snippet}, which must occur once. */
    private static int lineOf(String file, String snippet) throws IOException {
        Path source = Path.of(System.getProperty("profgate.repo", ".."), "detector/src/test/java", file);
        List<String> lines = Files.readAllLines(source);
        int[] found = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(snippet)).toArray();
        assertEquals(1, found.length, snippet + " in " + source);
        assertFalse(lines.get(found[0]).isBlank());
        return found[0] + 1;
    }
}
