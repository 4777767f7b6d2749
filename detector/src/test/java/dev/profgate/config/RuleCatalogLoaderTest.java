package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Policy;
import dev.profgate.base.BadInputException;
import dev.profgate.rules.Language;
import dev.profgate.rules.Rule;
import dev.profgate.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules switched off and extended from profgate.yml; every mistake in a rule file is one line naming file and line. */
class RuleCatalogLoaderTest {
    private static final String EXTRA = """
            library:
              functions: ["com.acme.platform.*"]
            rules:
              - id: acme-client-per-call
                title: HTTP client built on every call
                languages: [java]
                frames: ["com.acme.http.Client.<init>"]
                notUnder: ["*.<clinit>"]
                when: new
                minShare: 0.5
                advice: Build one client and share it.
                link: https://example.com/acme/http-client
            """;

    @TempDir
    Path dir;

    @Test
    void profgateYmlDisablesRulesAndAddsRuleFilesRelativeToItself() throws IOException {
        Files.createDirectories(dir.resolve("ci"));
        Files.writeString(dir.resolve("ci/acme-rules.yml"), EXTRA);
        Path config = Files.writeString(dir.resolve("profgate.yml"), """
                fdr: 0.01
                rules:
                  disable: [java-string-format-hot-path, go-sprintf-hot-path]
                  files: [ci/acme-rules.yml]
                """);
        RuleSettings settings = RuleSettings.load(config);
        assertEquals(List.of(dir.resolve("ci/acme-rules.yml")), settings.files());
        RuleCatalog builtIn = RuleCatalogLoader.builtIn();
        RuleCatalog catalog = RuleCatalogLoader.load(settings);

        assertEquals(builtIn.rules().size() - 2 + 1, catalog.rules().size());
        assertNull(catalog.rule("java-string-format-hot-path"));
        assertNull(catalog.rule("go-sprintf-hot-path"));
        Rule extra = catalog.rule("acme-client-per-call");
        assertNotNull(extra);
        assertEquals(List.of(Language.JAVA), extra.languages());
        assertEquals(Rule.When.NEW, extra.when());
        assertEquals(0.5, extra.minShare());
        assertTrue(extra.frames().matches("com.acme.http.Client.<init>"));
        assertTrue(extra.notUnder().matches("com.acme.Config.<clinit>"));
        assertTrue(catalog.library().contains("com.acme.platform.Retry.call", ""));
        assertTrue(catalog.library().contains("java.lang.String.format", ""), "built-in library kept");
        assertEquals(0.01, ConfigLoader.load(config).fdr(), "the policy loader accepts the rules section");
    }

    @Test
    void withoutRulesSectionTheBuiltInCatalogIsUsed() throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), "fdr: 0.05\n");
        RuleCatalog catalog = RuleCatalogLoader.load(RuleSettings.load(config));
        assertEquals(RuleCatalogLoader.builtIn(), catalog);
        assertEquals(RuleSettings.defaults().disable(), RuleSettings.load(config).disable());
        assertEquals(Policy.defaults().fail(), ConfigLoader.load(config).fail());
    }

    @Test
    void disablingAnUnknownRuleNamesTheSettingsFile() throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), "rules:\n  disable: [java-regex-per-cal]\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> RuleCatalogLoader.load(RuleSettings.load(config)));
        assertEquals(config + ": rules.disable: no rule 'java-regex-per-cal' in the catalog", e.getMessage());
    }

    @Test
    void rejectsUnknownKeysInTheRulesSection() throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), "rules:\n  disabled: [x]\n");
        BadInputException e = assertThrows(BadInputException.class, () -> RuleSettings.load(config));
        assertTrue(e.getMessage().startsWith(config + ": line 2: unknown key 'disabled'"), e.getMessage());
    }

    @Test
    void aMissingRuleFileIsAOneLineError() throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), "rules:\n  files: [nowhere.yml]\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> RuleCatalogLoader.load(RuleSettings.load(config)));
        assertEquals(dir.resolve("nowhere.yml") + ": no such file", e.getMessage());
    }

    @Test
    void ruleFileMistakesNameTheFileAndLine() {
        assertError(EXTRA.replace("id: acme-client-per-call", "id: java-regex-compile-per-call"), 4,
                "rule id 'java-regex-compile-per-call' is already defined");
        assertError(EXTRA.replace("when: new", "when: sometimes"), 9, "'when' must be grown or new, not 'sometimes'");
        assertError(EXTRA.replace("languages: [java]", "languages: [cobol]"), 6, "unknown language 'cobol'");
        assertError(EXTRA.replace("    link: https://example.com/acme/http-client\n", ""), 4, "missing key 'link'");
        assertError(EXTRA.replace("minShare: 0.5", "minShare: 2"), 10, "'minShare' must be between");
        assertError(EXTRA.replace("notUnder:", "notunder:"), 8, "unknown key 'notunder'");
        assertError(EXTRA.replace("frames: [\"com.acme.http.Client.<init>\"]", "frames: []"), 7,
                "'frames' must name at least one pattern");
        assertError(EXTRA.replace("link: https://example.com/acme/http-client", "link: see wiki"), 12,
                "'link' must match");
        assertError("rules: [\n", 0, "not valid YAML");
    }

    private static void assertError(String yaml, int line, String problem) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> RuleCatalogLoader.parse(new StringReader(yaml), "acme-rules.yml",
                        Set.of("java-regex-compile-per-call")));
        String prefix = "acme-rules.yml: " + (line > 0 ? "line " + line + ": " : "");
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
