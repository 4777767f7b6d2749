package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static Redaction parse(String yaml) {
        return Redaction.parse(new StringReader(yaml), "profgate.yml");
    }

    @Test
    void patternsReplaceTheirMatchesInOrderWithTheDefaultOrTheirOwnReplacement() {
        Redaction redaction = parse("""
                fdr: 0.05
                redact:
                  - 'MegaBank|Acme'
                  - pattern: 'SELECT .* WHERE \\w+=\\d+'
                    replacement: '<sql>'
                  - pattern: '\\[redacted\\]\\$\\$'
                    replacement: 'X$'
                """);
        assertEquals("com.example.customer.X$Generated.query",
                redaction.apply("com.example.customer.MegaBank$$Generated.query"));
        assertEquals("db.run(<sql>)", redaction.apply("db.run(SELECT * FROM users WHERE ssn=123)"));
        assertEquals("[redacted].[redacted]", redaction.apply("Acme.MegaBank"));
        assertEquals("payments.validate", redaction.apply("payments.validate"));
    }

    @Test
    void emptyMatchesReplaceNothing() {
        Redaction redaction = parse("redact: ['x*', 'z?']\n");
        assertEquals("abc", redaction.apply("abc"));
        assertEquals("a[redacted]b[redacted]", redaction.apply("axxbz"));
        assertEquals("[redacted]", parse("redact: ['.*']\n").apply("anything at all"));
    }

    @Test
    void noSectionOrNoFileRedactsNothing() {
        assertEquals(List.of(), parse("fdr: 0.05\n").rules());
        assertEquals(List.of(), parse("").rules());
        List<Profile> profiles = List.of(profile());
        assertSame(profiles, Redaction.none().apply(profiles));
    }

    @Test
    void theVerdictPolicyAcceptsTheSection() {
        assertEquals(0.01, ConfigLoader.parse(new StringReader("fdr: 0.01\nredact: ['x']\n"), "p.yml").fdr());
    }

    @Test
    void badSectionsAreOneLineErrorsWithTheLine() {
        assertEquals("profgate.yml: line 3: 'redact.pattern' is not a regular expression: Unclosed group at index 5",
                error("fdr: 0.05\nredact:\n  - 'ab(cd'\n"));
        assertEquals("profgate.yml: line 1: 'redact' must be a list", error("redact: 'MegaBank'\n"));
        assertEquals("profgate.yml: line 3: unknown key 'with' (known: pattern, replacement)",
                error("redact:\n  - pattern: 'x'\n    with: 'y'\n"));
        assertEquals("profgate.yml: line 2: missing key 'pattern'", error("redact:\n  - replacement: 'y'\n"));
        assertEquals("profgate.yml: line 2: 'redact.pattern' must be a non-empty text", error("redact:\n  - ''\n"));
    }

    @Test
    void profilesAreRenamedFrameByFrameAndKeepTheirCallTree() {
        Profile profile = profile();
        Profile redacted = parse("redact: ['(Mega|Other)Bank', 'ssn=\\d+']\n").apply(List.of(profile)).get(0);
        FrameTable frames = redacted.frames();
        assertEquals(profile.frames().size(), frames.size());
        assertEquals("com.acme.[redacted]$$Generated.query", frames.function(0));
        assertEquals("com/acme/[redacted]$$Generated.java", frames.file(0));
        assertEquals(42, frames.line(0));
        assertEquals("SELECT 1 WHERE [redacted]", frames.function(1));
        assertEquals("com.acme.[redacted]$$Generated.query", frames.function(2));
        assertEquals(7, frames.line(2));
        assertSame(profile.tree(), redacted.tree());
        assertEquals(profile.source(), redacted.source());
        assertEquals("com.acme.OtherBank$$Generated.query", profile.frames().function(2));
    }

    private static String error(String yaml) {
        return assertThrows(BadInputException.class, () -> parse(yaml)).getMessage();
    }

    private static Profile profile() {
        FrameTable frames = new FrameTable();
        int query = frames.intern("com.acme.MegaBank$$Generated.query", "com/acme/MegaBank$$Generated.java", 42);
        int sql = frames.intern("SELECT 1 WHERE ssn=123", "", 0);
        frames.intern("com.acme.OtherBank$$Generated.query", "", 7);
        CallTree tree = new CallTree(1);
        tree.addSelf(tree.addStack(new int[] {sql, query}, 2), 0, 5);
        SampleType samples = new SampleType("samples", "count");
        return new Profile("p.pb.gz", new ProfileHeader(List.of(samples), 0, samples, 1, 0, 0), frames, tree, null);
    }
}
