package dev.profgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.config.RuleCatalogLoader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in catalog holds what issue 3 asks for, each anti-pattern reachable by the names profilers print. */
class RuleCatalogTest {
    private static final RuleCatalog CATALOG = RuleCatalogLoader.builtIn();

    /** A frame as a profiler names it, the profile type it appears in, and the rule that must claim it. */
    private record Case(String frame, String type, String rule) {
    }

    private static final List<Case> REQUIRED = List.of(
            new Case("java.util.regex.Pattern.compile", "cpu", "java-regex-compile-per-call"),
            new Case("regexp.MustCompile", "cpu", "go-regexp-compile-per-call"),
            new Case("regexp.Compile", "cpu", "go-regexp-compile-per-call"),
            new Case("re.compile", "cpu", "python-regex-compile-per-call"),
            new Case("sre_compile.compile", "cpu", "python-regex-compile-per-call"),
            new Case("compile (re/__init__.py:227)", "cpu", "python-regex-compile-per-call"),
            new Case("RegExp", "cpu", "node-regexp-construct-per-call"),
            new Case("com.fasterxml.jackson.databind.ObjectMapper.<init>", "cpu", "java-mapper-per-call"),
            new Case("com.google.gson.Gson.<init>", "alloc_space", "java-mapper-per-call"),
            new Case("javax.xml.bind.JAXBContext.newInstance", "cpu", "java-mapper-per-call"),
            new Case("java.text.SimpleDateFormat.<init>", "cpu", "java-date-formatter-per-call"),
            new Case("java.time.format.DateTimeFormatter.ofPattern", "cpu", "java-date-formatter-per-call"),
            new Case("java.text.DecimalFormat.<init>", "cpu", "java-number-formatter-per-call"),
            new Case("java.lang.Throwable.fillInStackTrace", "alloc_space", "java-exceptions-control-flow"),
            new Case("java.lang.Class.getMethod", "cpu", "java-reflection-per-call"),
            new Case("java.lang.Class.forName", "cpu", "java-reflection-per-call"),
            new Case("java.security.MessageDigest.getInstance", "cpu", "java-crypto-getinstance-per-call"),
            new Case("javax.crypto.Cipher.getInstance", "cpu", "java-crypto-getinstance-per-call"),
            new Case("javax.crypto.Mac.getInstance", "cpu", "java-crypto-getinstance-per-call"),
            new Case("java.lang.String.format", "cpu", "java-string-format-hot-path"),
            new Case("com.acme.orders.Ledger.post", "delay", "java-monitor-contention"),
            new Case("com.acme.orders.Ledger.post", "contentions", "java-monitor-contention"),
            new Case("jdk.internal.misc.Unsafe.park", "park_delay", "java-lock-park-contention"),
            new Case("sync.(*Mutex).Lock", "delay", "go-mutex-contention"),
            new Case("sync.(*Mutex).Lock", "contentions", "go-mutex-contention"),
            new Case("java.util.HashMap.putVal", "inuse_space", "java-map-insert-inuse-growth"),
            new Case("java.util.concurrent.ConcurrentHashMap.putVal", "inuse_objects", "java-map-insert-inuse-growth"),
            new Case("runtime.mapassign_faststr", "inuse_space", "go-map-insert-inuse-growth"),
            new Case("java.lang.Thread.start", "cpu", "java-thread-per-request"),
            new Case("java.lang.Thread.<init>", "alloc_space", "java-thread-per-request"),
            new Case("runtime.newproc", "cpu", "go-goroutine-per-request"),
            new Case("encoding/json.Marshal", "cpu", "go-json-marshal-dominates"),
            new Case("com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString", "cpu",
                    "java-json-marshal-dominates"));

    @Test
    void claimsEveryAntiPatternTheIssueNamesByTheProfilersFrameNames() {
        for (Case c : REQUIRED) {
            Rule rule = CATALOG.rule(c.rule());
            assertTrue(rule != null, "no rule " + c.rule());
            assertTrue(rule.frames().matches(c.frame()), c.rule() + " does not match " + c.frame());
            assertTrue(rule.appliesTo(c.type()), c.rule() + " does not apply to " + c.type());
        }
    }

    @Test
    void conditionsDependOnTheProfileType() {
        assertFalse(CATALOG.rule("java-map-insert-inuse-growth").appliesTo("cpu"));
        assertFalse(CATALOG.rule("go-map-insert-inuse-growth").appliesTo("alloc_space"));
        assertFalse(CATALOG.rule("java-monitor-contention").appliesTo("cpu"));
        assertTrue(CATALOG.rule("go-regexp-compile-per-call").appliesTo("alloc_space"));
    }

    @Test
    void hasAtLeastFifteenCompleteRulesOverFourLanguages() {
        assertTrue(CATALOG.rules().size() >= 15, CATALOG.rules().size() + " rules");
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Rule rule : CATALOG.rules()) {
            languages.addAll(rule.languages());
            assertTrue(rule.link().startsWith("https://"), rule.id() + " link " + rule.link());
            assertFalse(rule.title().isBlank() || rule.advice().isBlank(), rule.id());
            assertFalse(rule.advice().contains("\n"), rule.id() + ": advice is one paragraph");
        }
        assertEquals(EnumSet.allOf(Language.class), languages);
        Set<String> ids = CATALOG.rules().stream().map(Rule::id).collect(Collectors.toSet());
        assertEquals(CATALOG.rules().size(), ids.size());
    }

    @Test
    void callerContextExcludesInitialisersAndRequiresLockAcquisition() {
        Rule goRegex = CATALOG.rule("go-regexp-compile-per-call");
        assertTrue(goRegex.notUnder().matches("payments.init"));
        assertTrue(goRegex.notUnder().matches("payments.init.0"));
        assertTrue(goRegex.notUnder().matches("sync.(*Once).Do"));
        assertFalse(goRegex.notUnder().matches("payments.validate"));
        assertTrue(CATALOG.rule("java-regex-compile-per-call").notUnder().matches("com.acme.Cards.<clinit>"));
        Rule park = CATALOG.rule("java-lock-park-contention");
        assertTrue(park.under().matches("java.util.concurrent.locks.ReentrantLock.lock"));
        assertTrue(park.under().matches("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock.lock"));
        assertFalse(park.under().matches("java.util.concurrent.ThreadPoolExecutor.getTask"));
    }

    @Test
    void tellsApplicationFramesFromLibraryFrames() {
        Library library = CATALOG.library();
        for (String frame : List.of("regexp.MustCompile", "regexp/syntax.parse", "runtime.mallocgc", "testing.(*B).runN",
                "encoding/json.Marshal", "java.util.regex.Pattern.compile", "jdk.internal.misc.Unsafe.park",
                "com.fasterxml.jackson.databind.ObjectMapper.<init>", "java.lang.NumberFormatException.<init>",
                "com.acme.OrderNotFoundException.<init>", "dev.profgate.workload.Ledger$$Lambda.run")) {
            assertTrue(library.contains(frame, ""), frame);
        }
        for (String frame : List.of("payments.validate", "main.main", "com.acme.orders.Ledger.post",
                "dev.profgate.workload.CardValidation.validate", "handler (app/views.py:12)")) {
            assertFalse(library.contains(frame, ""), frame);
        }
        assertTrue(library.contains("handler", "/usr/lib/python3.11/json/encoder.py"));
        assertTrue(library.contains("stringify", "/srv/app/node_modules/fast-json/index.js"));
        assertFalse(library.contains("handler", "/srv/app/routes/orders.js"));
    }

    @Test
    void globsMatchWholeNamesWithStarAndQuestionMarkOnly() {
        NamePattern pattern = NamePattern.of(List.of("sync.(*Mutex).Lock", "java.util.HashMap.put?al", "*.init"));
        assertTrue(pattern.matches("sync.(*Mutex).Lock"));
        assertTrue(pattern.matches("sync.(xMutex).Lock"), "'*' matches any text, here one letter");
        assertFalse(pattern.matches("sync.(*Mutex).Lockx"), "whole names only");
        assertTrue(pattern.matches("java.util.HashMap.putVal"));
        assertFalse(pattern.matches("java.util.HashMap.putAll"));
        assertTrue(pattern.matches("github.com/acme/pay.init"));
        assertFalse(pattern.matches("payments.initialize"));
        assertFalse(NamePattern.none().matches(""));
    }
}
