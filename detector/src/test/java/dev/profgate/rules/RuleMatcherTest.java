package dev.profgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.analysis.SourceRef;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.source.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher on compared profiles: the Go fixture pair (regexp compiled per call), and collapsed-stack replicates
 * written here to pin down caller context, culprits that stop at the application frame, the {@code new} condition
 * and profile types.
 */
class RuleMatcherTest {
    private static final RuleCatalog CATALOG = RuleCatalogLoader.builtIn();
    private static final Map<String, Integer> PAYMENTS = Map.of(
            "testing.(*B).runN;payments.HandlePayment;payments.parse;encoding/json.Unmarshal", 400,
            "testing.(*B).runN;payments.HandlePayment;payments.render;encoding/json.Marshal", 300,
            "testing.(*B).runN;payments.HandlePayment;payments.validate;strings.ToUpper", 60,
            "testing.(*B).runN;runtime.gcBgMarkWorker", 80);

    @TempDir
    Path dir;

    @Test
    void goRegexpFixturePairIsFlaggedWithTheValidatingCallerAndItsLine() {
        Path fixtures = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
        List<Profile> base = ProfileLoader.load(List.of(fixtures.resolve("go-payments-v1.cpu.pb.gz").toString()));
        List<Profile> head = ProfileLoader.load(
                List.of(fixtures.resolve("go-payments-v2-regex-per-call.cpu.pb.gz").toString()));
        Comparison comparison = ProfileComparator.compare(base, head, null, Policy.defaults());
        Map<Finding, List<RuleHit>> hits = new RuleMatcher(CATALOG).match(comparison, base, head);

        Finding top = comparison.findings().get(0);
        assertTrue(top.callPath().contains("regexp.MustCompile"), top.callPath().toString());
        RuleHit hit = hits.get(top).get(0);
        assertEquals("go-regexp-compile-per-call", hit.id());
        assertEquals("regexp.MustCompile", hit.frame());
        assertEquals("payments.validate", hit.caller());
        // go tool pprof -lines: "payments.validate payments/payments.go:30" is the caller of regexp.MustCompile
        assertEquals(new SourceRef("payments/payments.go", 30), hit.source());
        assertEquals(Set.of("go-regexp-compile-per-call"), ids(hits));
        assertTrue(hit.delta() >= 0.25 * top.delta() && hit.delta() <= top.delta() + 1e-9, hit.toString());
    }

    @Test
    void regexCompiledInAnInitFunctionIsNotFlaggedButTheSameGrowthInAHandlerIs() throws IOException {
        String compile = ";regexp.MustCompile;regexp.compile;regexp/syntax.parse";
        Map<String, Integer> underInit = with(PAYMENTS, "testing.(*B).runN;payments.init.0" + compile, 500);
        Map<String, Integer> underHandler = with(PAYMENTS,
                "testing.(*B).runN;payments.HandlePayment;payments.validate" + compile, 500);

        Match init = compare(PAYMENTS, underInit, null);
        assertTrue(init.comparison.findings().stream().anyMatch(f -> RuleMatcher.grew(f, 0.05)), "the init grew");
        assertEquals(Set.of(), ids(init.hits));

        Match handler = compare(PAYMENTS, underHandler, null);
        RuleHit hit = only(handler.hits, "go-regexp-compile-per-call");
        assertEquals("regexp.MustCompile", hit.frame());
        assertEquals("payments.validate", hit.caller());
        assertEquals(new SourceRef("", 0), hit.source(), "collapsed stacks have no files");
    }

    @Test
    void aCulpritThatStopsAtTheApplicationFrameGetsEveryExpensiveCallBelowIt() throws IOException {
        String validate = "testing.(*B).runN;payments.HandlePayment;payments.validate";
        Map<String, Integer> head = with(with(PAYMENTS,
                validate + ";regexp.MustCompile;regexp.compile;regexp/syntax.parse", 260),
                validate + ";fmt.Sprintf;fmt.(*pp).doPrintf", 240);
        Match match = compare(PAYMENTS, head, null);

        Finding validateFinding = match.comparison.findings().stream()
                .filter(f -> f.function().equals("payments.validate")).findFirst().orElseThrow();
        List<RuleHit> hits = match.hits.get(validateFinding);
        assertEquals(List.of("go-regexp-compile-per-call", "go-sprintf-hot-path"), hits.stream().map(RuleHit::id)
                .toList(), "largest share first");
        assertEquals(List.of("regexp.MustCompile", "fmt.Sprintf"), hits.stream().map(RuleHit::frame).toList());
        assertTrue(hits.stream().allMatch(h -> h.caller().equals("payments.validate")));
    }

    /**
     * Java's {@code Pattern.compile(String)} calls {@code new Pattern}, which calls the instance method
     * {@code compile()}: deeper culprits own most samples under the constructor, yet it is explained too.
     */
    @Test
    void everyCulpritInsideARecursiveExpensiveFrameIsExplained() throws IOException {
        String handler = "java.lang.Thread.run;com.acme.Payments.handle;com.acme.CardValidation.validate";
        String constructor = handler + ";java.util.regex.Pattern.compile;java.util.regex.Pattern.<init>";
        String parse = constructor + ";java.util.regex.Pattern.compile;java.util.regex.Pattern.expr";
        Map<String, Integer> rest = Map.of(handler + ";java.lang.String.toUpperCase", 300,
                "java.lang.Thread.run;com.acme.Payments.handle;com.acme.Ledger.post", 500,
                "java.lang.Thread.run;com.acme.Payments.handle;com.acme.Json.render", 400);
        Map<String, Integer> base = with(with(rest, parse, 100), constructor, 20);
        Map<String, Integer> head = with(with(rest, parse, 700), constructor, 150);
        Match match = compare(base, head, null);

        List<Finding> inside = match.comparison.findings().stream().filter(f -> RuleMatcher.grew(f, 0.05)
                && f.callPath().contains("java.util.regex.Pattern.compile")).toList();
        assertTrue(inside.stream().anyMatch(f -> f.function().equals("java.util.regex.Pattern.<init>")),
                "the constructor is a culprit of its own: " + match.comparison.findings());
        for (Finding finding : inside) {
            assertEquals(List.of("java-regex-compile-per-call"), match.hits.getOrDefault(finding, List.of()).stream()
                    .map(RuleHit::id).toList(), finding.toString());
            assertTrue(match.hits.get(finding).get(0).delta() > 0, finding.toString());
        }
    }

    @Test
    void aNewRuleStaysQuietWhenTheExpensiveCallAlreadyRanInBase() throws IOException {
        String audit = "testing.(*B).runN;payments.HandlePayment;payments.audit;regexp.MustCompile;regexp.compile";
        Map<String, Integer> base = with(PAYMENTS, audit, 20);
        Map<String, Integer> head = with(PAYMENTS, audit, 600);
        Rule grown = CATALOG.rule("go-regexp-compile-per-call");
        Rule fresh = new Rule("go-regexp-new", grown.title(), grown.languages(), grown.frames(), grown.under(),
                grown.notUnder(), grown.types(), Rule.When.NEW, grown.minShare(), grown.advice(), grown.link());
        RuleCatalog catalog = new RuleCatalog(List.of(grown, fresh), CATALOG.library());

        assertEquals(Set.of("go-regexp-compile-per-call"), ids(compare(base, head, catalog).hits));
        assertEquals(Set.of("go-regexp-compile-per-call", "go-regexp-new"),
                ids(compare(PAYMENTS, head, catalog).hits));
    }

    @Test
    void mapInsertGrowthCountsOnlyInInUseProfiles() throws IOException {
        Map<String, Integer> head = with(PAYMENTS,
                "testing.(*B).runN;payments.HandlePayment;payments.remember;runtime.mapassign_faststr;runtime.hashGrow", 700);
        assertEquals(Set.of(), ids(compare(PAYMENTS, head, null).hits));
        Match inuse = compare(PAYMENTS, head, null, "inuse_space");
        RuleHit hit = only(inuse.hits, "go-map-insert-inuse-growth");
        assertEquals("runtime.mapassign_faststr", hit.frame());
        assertEquals("payments.remember", hit.caller());
    }

    @Test
    void parkingCountsAsLockContentionOnlyUnderALockAcquisition() throws IOException {
        Map<String, Integer> base = Map.of(
                "java.lang.Thread.run;com.acme.Worker.run;com.acme.Orders.update;com.acme.Orders.total", 300,
                "java.lang.Thread.run;com.acme.Worker.run;com.acme.Orders.audit", 200,
                "java.lang.Thread.run;com.acme.Scheduler.tick", 250);
        String park = ";java.util.concurrent.locks.LockSupport.park;jdk.internal.misc.Unsafe.park";
        Map<String, Integer> locked = with(base, "java.lang.Thread.run;com.acme.Worker.run;com.acme.Orders.update"
                + ";java.util.concurrent.locks.ReentrantLock.lock"
                + ";java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire" + park, 600);
        Map<String, Integer> idle = with(base, "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor.getTask"
                + ";java.util.concurrent.LinkedBlockingQueue.take"
                + ";java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await" + park, 600);

        RuleHit hit = only(compare(base, locked, null, "park_delay").hits, "java-lock-park-contention");
        assertEquals("java.util.concurrent.locks.LockSupport.park", hit.frame());
        assertEquals("com.acme.Orders.update", hit.caller());
        assertEquals(Set.of(), ids(compare(base, idle, null, "park_delay").hits));
    }

    private record Match(Comparison comparison, Map<Finding, List<RuleHit>> hits) {
    }

    private Match compare(Map<String, Integer> base, Map<String, Integer> head, RuleCatalog catalog)
            throws IOException {
        return compare(base, head, catalog, null);
    }

    /** Four replicates a side with ±10% noise per stack; {@code type} renames the single column (null: samples). */
    private Match compare(Map<String, Integer> base, Map<String, Integer> head, RuleCatalog catalog, String type)
            throws IOException {
        Random random = new Random(base.hashCode() * 31L + head.hashCode());
        List<Profile> baseProfiles = replicates("base", base, random, type);
        List<Profile> headProfiles = replicates("head", head, random, type);
        Comparison comparison = ProfileComparator.compare(baseProfiles, headProfiles, null, Policy.defaults());
        return new Match(comparison, new RuleMatcher(catalog == null ? CATALOG : catalog)
                .match(comparison, baseProfiles, headProfiles));
    }

    private List<Profile> replicates(String side, Map<String, Integer> stacks, Random random, String type)
            throws IOException {
        Path sideDir = Files.createDirectories(dir.resolve(side + "-" + System.nanoTime()));
        for (int r = 0; r < 4; r++) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, Integer> stack : new LinkedHashMap<>(stacks).entrySet()) {
                long count = Math.round(stack.getValue() * (0.9 + 0.2 * random.nextDouble()));
                text.append(stack.getKey()).append(' ').append(count).append('\n');
            }
            Files.writeString(sideDir.resolve("r" + r + ".collapsed"), text);
        }
        List<Profile> profiles = ProfileLoader.load(List.of(sideDir.toString()));
        return type == null ? profiles : profiles.stream().map(p -> renamed(p, type)).toList();
    }

    private static Profile renamed(Profile profile, String type) {
        SampleType column = new SampleType(type, "count");
        ProfileHeader header = new ProfileHeader(List.of(column), 0, column, 1, 0, 0);
        return new Profile(profile.source(), header, profile.frames(), profile.tree(), null);
    }

    private static Map<String, Integer> with(Map<String, Integer> stacks, String stack, int count) {
        Map<String, Integer> result = new LinkedHashMap<>(stacks);
        result.put(stack, count);
        return result;
    }

    private static Set<String> ids(Map<Finding, List<RuleHit>> hits) {
        return hits.values().stream().flatMap(List::stream).map(RuleHit::id).collect(Collectors.toSet());
    }

    private static RuleHit only(Map<Finding, List<RuleHit>> hits, String id) {
        assertEquals(Set.of(id), ids(hits));
        List<RuleHit> all = new ArrayList<>();
        hits.values().forEach(all::addAll);
        return all.get(0);
    }
}
