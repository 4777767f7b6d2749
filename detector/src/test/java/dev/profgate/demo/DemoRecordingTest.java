package dev.profgate.demo;

import static dev.profgate.demo.StoredProfiles.contains;
import static dev.profgate.demo.StoredProfiles.samplesThrough;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.cli.BaseCommand;
import dev.profgate.cli.Main;
import dev.profgate.format.ProfileFormat;
import dev.profgate.format.ProfileQueries;
import dev.profgate.model.Profile;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording path of {@code baselines/record-demo.sh}, one short replicate per variant: the payments example
 * under JFR in a child JVM whose environment and system properties hold a planted secret, converted by
 * {@code profgate convert}. The stored file must not contain the secret, and the variants must differ as intended.
 */
class DemoRecordingTest {
    private static final String SECRET = UUID.randomUUID().toString();
    /** Requests per thread: about two seconds of work on an idle machine. */
    private static final long REQUESTS = 300_000;
    private static final long MIN_SAMPLES = 50;

    @TempDir
    static Path dir;
    static Path headRecording;
    static Path base;
    static Path head;
    static Path formatter;

    @BeforeAll
    static void recordAndConvert() throws Exception {
        WorkloadRecorder baseRun = PaymentsWorkload.start(dir.resolve("base.jfr"), "base", REQUESTS, Map.of(), Map.of());
        WorkloadRecorder headRun = PaymentsWorkload.start(dir.resolve("head.jfr"), "regex-per-call", REQUESTS,
                Map.of("PROFGATE_TEST_SECRET", SECRET), Map.of("profgate.secret", SECRET));
        WorkloadRecorder formatterRun = PaymentsWorkload.start(dir.resolve("formatter.jfr"), "formatter-per-call",
                REQUESTS, Map.of(), Map.of());
        base = convert(baseRun.await(), "base.pb.gz");
        headRecording = headRun.await();
        head = convert(headRecording, "head.pb.gz");
        formatter = convert(formatterRun.await(), "formatter.pb.gz");
    }

    @Test
    void theStoredProfileCarriesNothingOfTheRecordingsEnvironment() throws IOException {
        byte[] secret = SECRET.getBytes(StandardCharsets.US_ASCII);
        assertTrue(contains(Files.readAllBytes(headRecording), secret),
                "sanity: the raw JFR holds the planted environment variable and system property");
        byte[] stored = StoredProfiles.bytes(head);
        assertFalse(contains(stored, secret), "the converted profile contains the planted secret");
        for (String name : new String[] {"PROFGATE_TEST_SECRET", "profgate.secret", "payments.variant", "user.home"}) {
            assertFalse(contains(stored, name.getBytes(StandardCharsets.US_ASCII)), "the stored profile has " + name);
        }
    }

    @Test
    void conversionKeepsEverySampleOfEveryType() {
        Profile recorded = ProfileFormat.read(headRecording);
        Profile stored = ProfileFormat.read(head);
        assertEquals(recorded.header().sampleTypes(), stored.header().sampleTypes());
        for (int type = 0; type < recorded.tree().types(); type++) {
            assertEquals(recorded.tree().total(type), stored.tree().total(type), "column " + type);
        }
    }

    @Test
    void theRegexVariantCompilesItsPatternOnEveryValidation() {
        String compile = "java.util.regex.Pattern.compile";
        double headShare = share(head, compile);
        double baseShare = share(base, compile);
        assertTrue(headShare > 0.05, "Pattern.compile share in regex-per-call: " + headShare);
        assertTrue(baseShare < 0.02, "Pattern.compile share in base: " + baseShare);
        long all = samplesThrough(head, compile);
        long fromValidator = samplesThrough(head, compile, "dev.profgate.examples.payments.CardValidator.isValid");
        assertTrue(fromValidator >= 0.95 * all, "Pattern.compile under CardValidator.isValid: " + fromValidator + " of " + all);
    }

    @Test
    void theFormatterVariantBuildsItsFormatterOnEveryResponse() {
        String ofPattern = "java.time.format.DateTimeFormatter.ofPattern";
        double formatterShare = share(formatter, ofPattern);
        double baseShare = share(base, ofPattern);
        assertTrue(formatterShare > 0.03, "DateTimeFormatter.ofPattern share in formatter-per-call: " + formatterShare);
        assertTrue(baseShare < 0.02, "DateTimeFormatter.ofPattern share in base: " + baseShare);
    }

    @Test
    void convertNamesAMissingInputInOneLine() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("missing.jfr");
        int exit = runConvert(missing, dir.resolve("out.pb.gz"), err);
        assertEquals(BaseCommand.EXIT_BAD_INPUT, exit);
        assertEquals("profgate: error: " + missing + ": no such file", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("out.pb.gz")));
    }

    @Test
    void convertNamesAnUnwritableOutputInOneLine() {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("no-such-dir/out.pb.gz");
        int exit = runConvert(headRecording, out, err);
        assertEquals(BaseCommand.EXIT_BAD_INPUT, exit);
        assertEquals("profgate: error: " + out + ": cannot write: no such directory", err.toString().strip());
    }

    private static Path convert(Path recording, String name) {
        Path out = dir.resolve(name);
        StringWriter err = new StringWriter();
        assertEquals(0, runConvert(recording, out, err), err.toString());
        return out;
    }

    /** The share of CPU samples whose stack holds {@code function}, failing when the run has too few samples to tell. */
    private static double share(Path file, String function) {
        Profile profile = ProfileFormat.read(file);
        long samples = StoredProfiles.cpuSamples(profile);
        assertTrue(samples >= MIN_SAMPLES, file.getFileName() + " has only " + samples + " CPU samples");
        return ProfileQueries.totalShare(profile, "samples", function);
    }

    /** {@code profgate convert IN OUT}, the command {@code baselines/record-demo.sh} runs. */
    private static int runConvert(Path in, Path out, StringWriter err) {
        return Main.getCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("convert", in.toString(), out.toString());
    }
}
