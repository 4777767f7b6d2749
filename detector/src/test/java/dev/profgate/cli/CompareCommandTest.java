package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CompareCommandTest {
    static final Path FIXTURES = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
    public static final String V1 = FIXTURES.resolve("go-payments-v1.cpu.pb.gz").toString();
    public static final String V2 = FIXTURES.resolve("go-payments-v2-regex-per-call.cpu.pb.gz").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void regexPerCallFailsAndNamesTheCompileFunction() throws IOException {
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V2, "--format", "json");
        assertEquals(1, run.exit(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("fail", report.get("verdict").textValue());
        List<String> top = new ArrayList<>();
        report.get("findings").forEach(f -> top.add(f.get("function").textValue()));
        assertTrue(top.stream().limit(3).anyMatch(f -> f.matches("regexp\\.(?i:(must)?compile)")), top.toString());
    }

    @Test
    void textReportStartsWithTheVerdict() {
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V2);
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).startsWith("profgate  base: 1 profile (cpu, "), lines.get(0));
        assertTrue(lines.get(1).startsWith("FAIL  "), lines.get(1));
        assertTrue(run.out().contains("regexp."), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aProfileAgainstItselfPasses() {
        for (String file : List.of(V1, V2)) {
            CliRun run = CliRun.of("compare", "--base", file, "--head", file, "--fail-on", "warn");
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("\nPASS  no significant change (cpu, 1 vs 1 replicates)\n"), run.out());
        }
    }

    @Test
    void failOnNeverReportsButExitsZero() {
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V2, "--fail-on", "never", "--format", "markdown",
                "--gate", "payments/cpu");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("<!-- profgate:gate=payments/cpu -->\n### ❌ profgate FAIL"), run.out());
    }

    @Test
    void outFolderHoldsEveryReportAndJsonHasEveryField() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V2, "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals(List.of("flamegraph.html", "flamegraph.svg", "junit.xml", "report.json", "report.md",
                "report.sarif", "report.txt"), list(out));
        assertEquals(run.out(), Files.readString(out.resolve("report.txt")));
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("<!-- profgate:gate=cpu -->\n"));
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        for (String field : List.of("schemaVersion", "verdict", "profileType", "base", "head", "findings", "mde",
                "functionsTested", "fdr", "notes", "tree")) {
            assertTrue(report.has(field), field);
        }
        assertEquals(1, report.get("schemaVersion").intValue());
        assertEquals("cpu", report.get("profileType").textValue());
        assertEquals(List.of(V1), texts(report.get("base").get("sources")));
        assertTrue(report.get("functionsTested").intValue() > 0 && report.get("mde").doubleValue() > 0);
        assertTrue(report.get("tree").size() > 0);
        JsonNode finding = report.get("findings").get(0);
        for (String field : List.of("function", "kind", "metric", "base", "head", "delta", "ci", "pValue", "qValue",
                "welchP", "mannWhitneyP", "source", "callPath", "rules")) {
            assertTrue(finding.has(field), field);
        }
        assertTrue(finding.get("ci").get("low").doubleValue() <= finding.get("delta").doubleValue());
        assertTrue(finding.get("source").has("file") && finding.get("source").has("line"));
        assertEquals(finding.get("function").textValue(),
                finding.get("callPath").get(finding.get("callPath").size() - 1).textValue());
    }

    @Test
    void twoRunsWriteByteIdenticalJson() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        CliRun.of("compare", "--base", V1, "--head", V2, "--out", first.toString());
        CliRun.of("compare", "--base", V1, "--head", V2, "--out", second.toString());
        assertEquals(Files.readString(first.resolve("report.json")), Files.readString(second.resolve("report.json")));
    }

    @Test
    void aPolicyFileChangesTheVerdict() throws IOException {
        Path lenient = Files.writeString(tmp.resolve("profgate.yml"), "fail:\n  absolute: 0.9\nwarn:\n  absolute: 0.8\n");
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V2, "--config", lenient.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\nPASS  "), run.out());
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.textValue()));
        return values;
    }
}
