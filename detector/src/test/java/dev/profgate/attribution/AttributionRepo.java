package dev.profgate.attribution;

import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import dev.profgate.publish.TestGit;
import dev.profgate.report.ReportData;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.Git;
import dev.profgate.source.RepoFiles;
import dev.profgate.source.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real git repository of the payments example built by a test: a base commit (the card regex compiled once), then
 * commits as separate pull requests would bring them: {@code ledger} changes an unrelated file, {@code culprit}
 * makes {@code CardValidator.isValid} compile the regex on every call, {@code comment} documents another method of
 * the same file, {@code caller} edits {@code PaymentHandler} (on the call path). The demo's recorded profiles
 * (baselines/demo) are the regression that culprit causes.
 */
public final class AttributionRepo {
    public static final Path REPO = Path.of(System.getProperty("profgate.repo", "..")).toAbsolutePath().normalize();
    public static final String PACKAGE = "src/main/java/dev/profgate/examples/payments/";
    static final String PER_CALL_LINE = "        Pattern pattern = Pattern.compile(CARD_REGEX);";
    private static ReportData demo;
    public final Path dir;
    public final String base;
    public final String ledger;
    public final String culprit;
    public final String comment;
    public final String caller;

    private AttributionRepo(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Path example = REPO.resolve("examples/payments-api").resolve(PACKAGE);
        Path target = Files.createDirectories(dir.resolve(PACKAGE));
        try (var files = Files.list(example)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        edit("CardValidator.java", s -> s.replaceFirst(
                "(?m)^ *Pattern pattern = variant == Variant.REGEX_PER_CALL .*$", "        Pattern pattern = CARD_PATTERN;"));
        TestGit.run(dir, "init", "-q", "-b", "main");
        base = commit("Payments service");
        edit("Ledger.java", s -> s.replaceFirst("\n", "\n// Ledger entries are kept in memory.\n"));
        ledger = commit("Ledger: document storage (#11)");
        edit("CardValidator.java", s -> s.replace("        Pattern pattern = CARD_PATTERN;", PER_CALL_LINE));
        culprit = commit("Validate cards with the full regex (#12)");
        edit("CardValidator.java", s -> s.replace("    static boolean luhn(", "    /** The Luhn checksum. */\n"
                + "    static boolean luhn("));
        comment = commit("Document the Luhn check (#13)");
        edit("PaymentHandler.java", s -> s + "// handler notes\n");
        caller = commit("PaymentHandler notes (#14)");
    }

    /** Builds the repository in {@code dir}. */
    public static AttributionRepo create(Path dir) throws IOException, InterruptedException {
        return new AttributionRepo(dir);
    }

    /** The report of the demo's base against head profiles (regex compiled per call in {@code isValid}). */
    public static synchronized ReportData demoReport() {
        if (demo == null) {
            demo = new CompareRun(List.of(demoDir("base")), List.of(demoDir("head")), null, Settings.defaults(), null, "cpu")
                    .execute();
        }
        return demo;
    }

    /** The sources of the demo's head profiles' functions. */
    public static FrameSources demoFrames() {
        return new FrameSources(Side.load(List.of(demoDir("head")), new BaselineStore(REPO.resolve("baselines")))
                .profiles());
    }

    /** The attribution of the demo's regressions to the commits of {@code from..to}. */
    public List<Attribution> attribute(String from, String to) {
        Git git = new Git(dir);
        ReportData report = demoReport();
        return new Attributor(git, ChangeSet.between(git, from, to), RepoFiles.of(dir, new java.util.ArrayList<>()),
                demoFrames()).attribute(report.comparison().findings(), report::hits);
    }

    /** The line number of {@code text} in {@code file} of the working tree (1-based). */
    public int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(PACKAGE + file));
        return lines.indexOf(text) + 1;
    }

    private static String demoDir(String side) {
        return REPO.resolve("baselines/demo").resolve(side).toString();
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = dir.resolve(PACKAGE + file);
        String before = Files.readString(path);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException(file + " did not change: the example's source moved on");
        }
        Files.writeString(path, after);
    }

    private String commit(String subject) throws IOException, InterruptedException {
        TestGit.run(dir, "add", "-A");
        TestGit.run(dir, "commit", "-q", "-m", subject);
        return new Git(dir).resolve("HEAD", "HEAD");
    }
}
