package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.cli.StackProfiles.Frame;
import dev.profgate.report.FlameGraphHtmlTest;
import dev.profgate.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redact:} in profgate.yml on real profiles whose frame names carry a customer name (in a generated class and
 * its source file) and SQL with a personal number: no report, file or standard output, shows them; without the
 * redaction every one of them does (so the check can fail).
 */
class CompareRedactionTest {
    /** Parts of the secret names that every output writes unescaped (letters, digits, '=' and spaces). */
    static final List<String> SECRETS = List.of("MegaBank", "ssn=123", "FROM users");
    private static final Frame MAIN = new Frame("main", "app/Main.java", 5);
    private static final Frame HANDLE = new Frame("app.Api.handle", "app/Api.java", 20);
    private static final Frame GENERATED = new Frame("com.acme.customer.MegaBank$$Generated.query",
            "com/acme/customer/MegaBank$$Generated.java", 42);
    private static final Frame SQL = new Frame("SELECT * FROM users WHERE ssn=123", "", 0);

    @TempDir
    Path tmp;
    private Path base;
    private Path head;

    @BeforeEach
    void recordProfiles() throws IOException {
        base = profiles(1000).write(tmp.resolve("base"));
        head = profiles(2500).write(tmp.resolve("head"));
    }

    @Test
    void withoutRedactionEveryOutputShowsTheSecrets() throws IOException {
        Path config = Files.writeString(tmp.resolve("profgate.yml"), "fdr: 0.05\n");
        for (ReportFormat format : ReportFormat.values()) {
            for (Output output : compare(config, format)) {
                SECRETS.forEach(secret -> assertTrue(output.text().contains(secret), output.name() + ": no " + secret));
            }
        }
    }

    @Test
    void redactedNamesAreInNoFileOfTheReportFolderNorOnStandardOutput() throws IOException {
        Path config = Files.writeString(tmp.resolve("profgate.yml"), """
                redact:
                  - 'MegaBank'
                  - pattern: 'SELECT .* WHERE [a-z]+=\\d+'
                    replacement: '<query>'
                """);
        for (ReportFormat format : ReportFormat.values()) {
            List<Output> outputs = compare(config, format);
            for (Output output : outputs) {
                SECRETS.forEach(secret -> assertFalse(output.text().contains(secret), output.name() + ": " + secret));
            }
            String stdout = outputs.get(0).text();
            assertTrue(stdout.contains("redacted") && stdout.contains("query"), stdout);
        }
        String json = Files.readString(tmp.resolve("out-JSON/report.json"));
        assertTrue(json.contains("\"com.acme.customer.[redacted]$$Generated.query\""), json);
        assertTrue(json.contains("\"<query>\""), json);
    }

    @Test
    void topAppliesTheRedactionToo() throws IOException {
        Path config = Files.writeString(tmp.resolve("profgate.yml"), "redact: ['MegaBank', 'ssn=\\d+']\n");
        Path profile;
        try (Stream<Path> files = Files.list(head)) {
            profile = files.findFirst().orElseThrow();
        }
        CliRun plain = CliRun.of("top", profile.toString(), "--config", Files.writeString(tmp.resolve("empty.yml"),
                "fdr: 0.05\n").toString());
        CliRun redacted = CliRun.of("top", profile.toString(), "--config", config.toString());
        assertEquals(0, redacted.exit(), redacted.err());
        assertTrue(plain.out().contains("MegaBank") && plain.out().contains("ssn=123"), plain.out());
        assertFalse(redacted.out().contains("MegaBank") || redacted.out().contains("ssn=123"), redacted.out());
        assertTrue(redacted.out().contains("com.acme.customer.[redacted]$$Generated.query"), redacted.out());
    }

    /** One text a run produced: standard output or a file of the report folder. */
    private record Output(String name, String text) {
    }

    /**
     * Runs compare printing {@code format} and writing a report folder; returns what shows frame names: standard
     * output, then every file of the folder (one per report format).
     */
    private List<Output> compare(Path config, ReportFormat format) throws IOException {
        Path out = tmp.resolve("out-" + format);
        CliRun run = CliRun.of("compare", "--base", base.toString(), "--head", head.toString(), "--config",
                config.toString(), "--out", out.toString(), "--format", format.name().toLowerCase(Locale.ROOT));
        assertEquals(1, run.exit(), run.out() + run.err());
        List<Output> outputs = new ArrayList<>(List.of(new Output(format + " stdout", readable(run.out()))));
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                outputs.add(new Output(file.toString(), readable(Files.readString(file))));
            }
        }
        assertEquals(1 + ReportFormat.values().length, outputs.size(), outputs.toString());
        return outputs;
    }

    /** The text with, for a flame graph page, the frame names it carries compressed. */
    private static String readable(String text) throws IOException {
        return text.contains("id=\"flame-data\"") ? text + FlameGraphHtmlTest.json(text) : text;
    }

    /** A service whose generated per-customer query runs {@code sqlSamples} samples of SQL, beside steady work. */
    private static StackProfiles profiles(long sqlSamples) {
        StackProfiles profiles = new StackProfiles().add(sqlSamples, MAIN, HANDLE, GENERATED, SQL)
                .add(3000, MAIN, HANDLE, new Frame("app.Api.render", "app/Api.java", 31));
        for (int i = 0; i < 10; i++) {
            profiles.add(300, MAIN, new Frame("app.Worker.step" + i, "app/Worker.java", 50 + i));
        }
        return profiles;
    }
}
