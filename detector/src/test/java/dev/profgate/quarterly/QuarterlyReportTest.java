package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.cli.Main;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.PyroscopeQuerier;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.FakeServer;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.workload.QuarterWorkload;
import dev.profgate.workload.RecordedQuarter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The quarterly report end to end on 13 weekly JFR profiles recorded by a child JVM ({@link QuarterWorkload},
 * {@link RecordedQuarter}): one
 * function grows week by week and a regex compiled per call appears in week 7. Checked over a folder of dated
 * profiles and over the Pyroscope wire-format test server (one query per week and service), and bad input.
 */
class QuarterlyReportTest {
    static final String FROM = RecordedQuarter.FROM;
    static final String TO = RecordedQuarter.TO;
    static final int WEEKS = RecordedQuarter.WEEKS;
    static final int REGEX_WEEK = RecordedQuarter.REGEX_WEEK;
    static final String GROWER = RecordedQuarter.GROWER;
    static final String REGEX_RULE = "java-regex-compile-per-call";
    static final double PRICE = 0.05;
    static final double CORES = 40;

    @TempDir
    static Path dir;
    static Path profiles;
    static Path config;

    @BeforeAll
    static void record() throws Exception {
        profiles = RecordedQuarter.profiles();
        config = Files.writeString(dir.resolve("profgate.yml"),
                "cost:\n  coreHourPrice: " + PRICE + "\n  fleetCores: " + CORES + "\n  currency: EUR\n");
    }

    @Test
    void folderOfWeeklyProfilesRanksTheGrowerFirstAndPricesTheAntiPattern() throws Exception {
        Path out = dir.resolve("folder-report");
        Run run = run("quarterly", "--from", FROM, "--to", TO, "--profiles", profiles.toString(),
                "--config", config.toString(), "--out", out.toString());
        assertEquals(0, run.exit, run.err);
        checkReport(out);
    }

    @Test
    void pyroscopeServerIsAskedOnceAWeekAndGivesTheSameFindings() throws Exception {
        ProfileStore store = new ProfileStore();
        try (FakePyroscope server = new FakePyroscope(store)) {
            for (int week = 0; week < WEEKS; week++) {
                LocalDate day = LocalDate.parse(FROM).plusDays(7L * week);
                store.add(Map.of("service_name", "checkout"), "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
                        millis(day.plusDays(2)), ProfileFormat.read(profiles.resolve(day + ".jfr")));
            }
            store.add(Map.of("service_name", "other"), "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
                    millis(LocalDate.parse(FROM).plusDays(3)), ProfileFormat.read(profiles.resolve(FROM + ".jfr")));
            Path out = dir.resolve("pyroscope-report");
            Run run = run("quarterly", "--from", FROM, "--to", TO, "--url", server.uri().toString(),
                    "--service", "checkout", "--config", config.toString(), "--out", out.toString());
            assertEquals(0, run.exit, run.err);
            checkReport(out);
            List<FakeServer.Request> queries = server.requests("/SelectMergeProfile");
            assertEquals(2 * WEEKS, queries.size(), "the previous quarter's weeks, then this quarter's");
            for (int week = -WEEKS; week < WEEKS; week++) {
                PyroscopeQuerier.SelectMergeProfileRequest request =
                        PyroscopeQuerier.SelectMergeProfileRequest.parseFrom(queries.get(week + WEEKS).body());
                assertEquals("{service_name=\"checkout\"}", request.getLabelSelector());
                assertEquals(millis(LocalDate.parse(FROM).plusDays(7L * week)), request.getStart());
                LocalDate end = week == WEEKS - 1 ? LocalDate.parse(TO) : LocalDate.parse(FROM).plusDays(7L * week + 7);
                assertEquals(millis(end), request.getEnd());
            }
        }
    }

    /**
     * The recorded weeks from the regex's first week on as a quarter of their own: the six weeks before it are the
     * previous quarter's (the seventh week before has no profile), so growth is tested quarter over quarter: the
     * regex compiled per call appears exactly at the quarter's start, so regex frames grow from nothing; the top
     * grower's early share is its pooled self share of the earlier weeks, its late share that of the later weeks
     * relative to the code that did not change.
     */
    @Test
    void previousQuarterWeeksFromTheSameFolderAreComparedWithThisQuarters() throws Exception {
        Path out = dir.resolve("second-half-report");
        LocalDate from = LocalDate.parse(FROM).plusDays(7L * (REGEX_WEEK - 1));
        Run run = run("quarterly", "--from", from.toString(), "--to", from.plusDays(7L * (WEEKS - REGEX_WEEK + 1))
                .toString(), "--profiles", profiles.toString(), "--config", config.toString(), "--out", out.toString());
        assertEquals(0, run.exit, run.err);
        JsonNode service = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("services").get(0);
        assertEquals("previous-quarter", service.get("growthTest").asText());
        assertFalse(service.get("growers").isEmpty(), service.toString());
        JsonNode grower = service.get("growers").get(0);
        String function = grower.get("function").asText();
        assertEquals(pooledSelfShare(function, 0, REGEX_WEEK - 1), grower.get("early").asDouble(), 1e-9);
        double late = pooledSelfShare(function, REGEX_WEEK - 1, WEEKS);
        double normalised = grower.get("late").asDouble();
        boolean appeared = grower.get("early").asDouble() == 0;
        assertTrue(appeared ? normalised >= late : normalised > 0, "the late share " + late + ", relative to the "
                + "unchanged code (which new cost on top of it leaves with less of the late weeks' samples): "
                + normalised);
        assertEquals(grower.get("late").asDouble() - grower.get("early").asDouble(), grower.get("delta").asDouble(),
                1e-9);
        assertTrue(Files.readString(out.resolve("report.html")).contains("previous quarter"));
        boolean regexGrew = false;
        for (JsonNode found : service.get("growers")) {
            regexGrew |= found.get("function").asText().startsWith("java.util.regex.")
                    && found.get("early").asDouble() == 0;
        }
        assertTrue(regexGrew, "a regex frame grew from nothing: " + service.get("growers"));
    }

    @Test
    void noProfilesInTheQuarterIsOneLineAndExitTwo() {
        Run run = run("quarterly", "--from", "2025-01-01", "--to", "2025-04-01", "--profiles", profiles.toString(),
                "--out", dir.resolve("empty").toString());
        assertEquals(2, run.exit);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.contains("no profiles with samples from 2025-01-01 to 2025-04-01"), run.err);
        assertFalse(Files.exists(dir.resolve("empty")));
    }

    @Test
    void unreachableServerIsOneLineAndExitTwo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = run("quarterly", "--from", FROM, "--to", TO, "--url", "http://127.0.0.1:" + port,
                "--service", "checkout", "--out", dir.resolve("unreachable").toString());
        assertEquals(2, run.exit);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.contains("127.0.0.1:" + port), run.err);
    }

    private static void checkReport(Path out) throws Exception {
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("2026-Q1", json.get("quarter").asText());
        assertEquals(WEEKS, json.get("weeks").size());
        JsonNode service = json.get("services").get(0);
        assertEquals("checkout", service.get("name").asText());
        assertEquals("trend", service.get("growthTest").asText(), "no profiles before " + FROM);
        assertFalse(service.get("growers").isEmpty(), "no growers: " + service);
        JsonNode grower = service.get("growers").get(0);
        assertEquals(GROWER, grower.get("function").asText(), service.get("growers").toString());
        assertTrue(grower.get("late").asDouble() > grower.get("early").asDouble() + 0.05, grower.toString());
        JsonNode regex = antiPattern(service, REGEX_RULE);
        assertEquals(REGEX_WEEK, regex.get("firstWeek").asInt(), regex.toString());
        assertTrue(regex.get("caller").asText().endsWith("CardValidation.validate"), regex.toString());
        double hours = (LocalDate.parse(TO).toEpochDay() - LocalDate.parse(FROM).toEpochDay()) * 24.0;
        assertTrue(regex.get("share").asDouble() > 0.02, regex.toString());
        assertEquals(regex.get("share").asDouble() * CORES * hours * PRICE, regex.get("saving").asDouble(), 1e-6);
        assertTrue(Files.readString(out.resolve("report.md")).contains("EUR"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
        double[] ys = chartLine(out.resolve(service.get("chart").asText()), GROWER);
        assertEquals(WEEKS, ys.length);
        assertTrue(mean(ys, WEEKS - 4, WEEKS) < mean(ys, 0, 4), "the grower's line rises (smaller y): "
                + Arrays.toString(ys));
    }

    /** The function's self share of the samples of recorded weeks [from, to), from the profiles themselves. */
    private static double pooledSelfShare(String function, int from, int to) {
        long self = 0;
        long samples = 0;
        for (int week = from; week < to; week++) {
            Profile profile = ProfileFormat.read(profiles.resolve(LocalDate.parse(FROM).plusDays(7L * week) + ".jfr"));
            long[] counts = profile.counts(profile.header().resolveType(null, profile.source()));
            Dictionary functions = new Dictionary();
            FunctionTotals totals = FunctionTotals.of(profile, counts, functions);
            int id = functions.find(function);
            self += id < 0 ? 0 : totals.self(id);
            samples += totals.grandTotal();
        }
        return (double) self / samples;
    }

    private static JsonNode antiPattern(JsonNode service, String rule) {
        for (JsonNode found : service.get("antiPatterns")) {
            if (found.get("rule").asText().equals(rule)) {
                return found;
            }
        }
        throw new AssertionError("no " + rule + " in " + service.get("antiPatterns"));
    }

    /** The y coordinates of the chart's polyline for {@code function}, parsed from the SVG. */
    private static double[] chartLine(Path svg, String function) throws Exception {
        NodeList lines = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("data-function").equals(function)) {
                List<Double> ys = new ArrayList<>();
                for (String point : line.getAttribute("points").split(" ")) {
                    ys.add(Double.parseDouble(point.split(",")[1]));
                }
                return ys.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        throw new AssertionError("no line for " + function + " in " + svg);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
