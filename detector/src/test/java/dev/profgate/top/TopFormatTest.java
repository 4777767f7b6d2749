package dev.profgate.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.TestFiles;
import dev.profgate.format.PprofReader;
import dev.profgate.model.Profile;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text and JSON forms of the top table, checked against {@code go tool pprof -top}'s own output. */
class TopFormatTest {

    @Test
    void textHasPprofsPercentagesNamesAndInlineMarkers() throws Exception {
        assertTextMatchesPprof(TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz"), null,
                "go-payments-v1.cpu.top.txt");
        assertTextMatchesPprof(TestFiles.resourcesPprof().resolve("edge-cases.pb.gz"), "wall",
                "edge-cases.wall.top.txt");
    }

    @Test
    void jsonHasEveryRowOfTheReference() throws Exception {
        Path tsv = TestFiles.fixturesPprof().resolve("go-payments-v2-regex-per-call.cpu.top.tsv");
        Profile profile = read(TestFiles.fixturesPprof().resolve("go-payments-v2-regex-per-call.cpu.pb.gz"));
        JsonNode json = new ObjectMapper().readTree(render(TopFormat.JSON, TopTable.of(profile, 1, 0)));
        assertEquals("cpu", json.get("type").asText());
        assertEquals("nanoseconds", json.get("unit").asText());
        assertEquals(profile.tree().total(1), json.get("total").asLong());
        List<String> rows = new ArrayList<>();
        for (JsonNode row : json.get("functions")) {
            String label = row.get("inline").asText().equals("partial") ? " (partial-inline)" : "";
            rows.add(row.get("function").asText() + label + "\t" + row.get("flat").asLong() + "\t"
                    + row.get("cum").asLong());
        }
        List<String> expected = Files.readAllLines(tsv);
        assertEquals(expected.subList(1, expected.size()), rows);
    }

    @Test
    void nodeCountKeepsTheFirstRows() throws Exception {
        Path tsv = TestFiles.fixturesPprof().resolve("large.cpu.top.tsv");
        Profile profile = read(TestFiles.fixturesPprof().resolve("large.cpu.pb.gz"));
        TopTable table = TopTable.of(profile, 1, 25);
        assertEquals(25, table.rows().size());
        assertEquals(Files.readAllLines(tsv).size() - 1, table.functionCount());
        assertEquals(Files.readAllLines(tsv).subList(0, 26), render(TopFormat.TSV, table).lines().toList());
    }

    private static void assertTextMatchesPprof(Path profile, String type, String reference) throws Exception {
        Profile read = read(profile);
        int column = read.header().resolveType(type, profile.toString());
        List<String> ours = rows(render(TopFormat.TEXT, TopTable.of(read, column, 0)));
        List<String> pprof = rows(Files.readString(TestFiles.resourcesPprof().resolve(reference)));
        assertTrue(pprof.size() > 5, reference);
        for (int i = 0; i < Math.min(pprof.size(), ours.size()); i++) {
            assertEquals(pprof.get(i), ours.get(i), "row " + i + " of " + reference);
        }
        assertEquals(pprof.size(), ours.size(), reference);
    }

    /** The table rows after pprof's column header, without the flat and cum values (pprof picks one unit). */
    private static List<String> rows(String text) {
        List<String> rows = new ArrayList<>();
        boolean started = false;
        for (String line : text.lines().toList()) {
            if (started) {
                String[] fields = line.trim().split(" +", 6);
                rows.add(fields[1] + " " + fields[2] + " " + fields[4] + " " + fields[5]);
            }
            started |= line.matches(" *flat +flat% +sum% +cum +cum%");
        }
        return rows;
    }

    private static String render(TopFormat format, TopTable table) {
        StringWriter out = new StringWriter();
        format.write(table, new PrintWriter(out));
        return out.toString();
    }

    private static Profile read(Path file) throws Exception {
        try (InputStream in = TestFiles.open(file)) {
            return PprofReader.read(in, file.getFileName().toString());
        }
    }
}
