package dev.profgate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.source.Git;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Attribution of the demo's regex-per-call regression to the commits of a real repository built here. */
@Timeout(120)
class AttributorTest {
    @TempDir
    static Path tmp;
    private static AttributionRepo repo;

    @BeforeAll
    static void build() throws Exception {
        repo = AttributionRepo.create(tmp);
    }

    @Test
    void culpritCommitRankedFirstWithLineEvidence() throws Exception {
        Attribution regex = regexAttribution(repo.attribute(repo.base, repo.caller));
        assertTrue(regex.frame().endsWith("CardValidator.isValid"), regex.frame());
        assertEquals(AttributionRepo.PACKAGE + "CardValidator.java", regex.path());
        int line = repo.lineOf("CardValidator.java", AttributionRepo.PER_CALL_LINE);
        assertTrue(regex.span().contains(line), regex.span() + " should hold line " + line);
        Suspect first = regex.suspects().get(0);
        assertEquals(repo.culprit, first.commit().sha());
        assertEquals(Confidence.HIGH, first.confidence());
        assertTrue(first.evidence().contains("CardValidator.java:" + line + " in `isValid`"), first.evidence());
        assertTrue(first.evidence().contains("hot line " + line), first.evidence());
        assertEquals(List.of(first), regex.implicated());
    }

    @Test
    void sameFileAndCallerChangesAreWeakAndUnrelatedFilesAbsent() {
        Attribution regex = regexAttribution(repo.attribute(repo.base, repo.caller));
        Suspect comment = suspect(regex, repo.comment).orElseThrow();
        assertEquals(Confidence.LOW, comment.confidence());
        assertTrue(comment.evidence().contains("outside `isValid`"), comment.evidence());
        Suspect caller = suspect(regex, repo.caller).orElseThrow();
        assertEquals(Confidence.LOW, caller.confidence());
        assertTrue(caller.evidence().contains("PaymentHandler.java"), caller.evidence());
        assertFalse(suspect(regex, repo.ledger).isPresent(), "Ledger.java is not on the path");
    }

    @Test
    void unrelatedOnlyRangeSaysNoMatchingChange() {
        Attribution regex = regexAttribution(repo.attribute(repo.base, repo.ledger));
        assertTrue(regex.suspects().isEmpty(), regex.suspects().toString());
        assertTrue(regex.note().startsWith("no matching change"), regex.note());
    }

    @Test
    void changeSetListsCommitsNewestFirstWithHunks() {
        Git git = new Git(repo.dir);
        ChangeSet changes = ChangeSet.between(git, repo.base, repo.caller);
        assertEquals(List.of(repo.caller, repo.comment, repo.culprit, repo.ledger),
                changes.commits().stream().map(Commit::sha).toList());
        Commit culprit = changes.commit(repo.culprit).orElseThrow();
        assertEquals("Validate cards with the full regex (#12)", culprit.subject());
        assertTrue(culprit.touches(AttributionRepo.PACKAGE + "CardValidator.java"));
    }

    private static Attribution regexAttribution(List<Attribution> attributions) {
        return attributions.stream().filter(a -> a.finding().function().equals("java.util.regex.Pattern.compile"))
                .findFirst().orElseThrow(() -> new AssertionError("no Pattern.compile regression: " + attributions));
    }

    private static Optional<Suspect> suspect(Attribution a, String sha) {
        return a.suspects().stream().filter(s -> s.commit().sha().equals(sha)).findFirst();
    }
}
