package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.attribution.AttributionRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code profgate compare --attribute --base-ref --head-ref --repo} over a real repository and the demo profiles. */
@Timeout(120)
class CompareAttributeTest {
    @TempDir
    static Path tmp;
    private static AttributionRepo repo;

    @BeforeAll
    static void build() throws Exception {
        repo = AttributionRepo.create(tmp.resolve("repo"));
    }

    private static CliRun compare(String base, String head, String... more) {
        Path demo = AttributionRepo.REPO.resolve("baselines/demo");
        String[] args = {"compare", "--base", demo.resolve("base").toString(), "--head", demo.resolve("head").toString(),
            "--attribute", "--base-ref", base, "--head-ref", head, "--repo", repo.dir.toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void namesTheCulpritCommitFirstAndWritesTheAttribution() throws Exception {
        Path out = tmp.resolve("reports");
        CliRun run = compare(repo.base, repo.caller, "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        String regex = "profgate: attribution: java.util.regex.Pattern.compile <- "
                + "dev.profgate.examples.payments.CardValidator.isValid: ";
        String first = run.errLines().stream().filter(l -> l.startsWith(regex)).findFirst().orElseThrow(
                () -> new AssertionError(run.err()));
        int line = repo.lineOf("CardValidator.java", "        Pattern pattern = Pattern.compile(CARD_REGEX);");
        assertTrue(first.startsWith(regex + "high " + repo.culprit.substring(0, 12) + " wrote CardValidator.java:"
                + line), first);
        String table = Files.readString(out.resolve("attribution.md"));
        assertTrue(row(table, "Validate cards with the full regex").contains("| high | wrote CardValidator.java:"
                + line + " in "), table);
        assertTrue(row(table, "Document the Luhn check").contains("| low | changed CardValidator.java:"), table);
        theFolderWithItsAttributionIsReplacedByTheNextRun(out);
    }

    /** The attribution is part of the report folder: a later run into the same folder replaces it as a whole. */
    private void theFolderWithItsAttributionIsReplacedByTheNextRun(Path out) {
        CliRun again = CliRun.of("compare", "--base", TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz")
                .toString(), "--head", TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz").toString(),
                "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertFalse(Files.exists(out.resolve("attribution.md")), "the earlier run's attribution went with its folder");
    }

    private static String row(String table, String subject) {
        return table.lines().filter(l -> l.contains(subject)).findFirst().orElseThrow(() -> new AssertionError(table));
    }

    @Test
    void anUnrelatedRangeSaysNoMatchingChange() {
        CliRun run = compare(repo.base, repo.ledger);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("CardValidator.isValid: no matching change: no commit of "
                + repo.base.substring(0, 12) + ".." + repo.ledger.substring(0, 12)), run.err());
    }

    @Test
    void anUnknownRevisionIsOneLineAndExit2() {
        CliRun run = compare("no-such-rev", repo.caller);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().stream().filter(l -> l.contains("no-such-rev")).count(), run.err());
        assertTrue(run.err().contains("--base-ref"), run.err());
    }
}
