package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flamebearer JSON as Pyroscope's legacy render API writes it: levels of [xOffsetDelta, total, self, nameIndex]. */
class FlamebearerReaderTest {
    /**
     * total 10: main (self 1) calls a (total 6, self 2) and b (total 3, self 2); a calls c (self 4); b calls d
     * (self 1), which sits at x = 6 on level 3, 2 after the end of c: its offset delta is 2.
     */
    private static final String TREE = """
            {"flamebearer": {"names": ["total", "main", "a", "b", "c", "d"],
              "levels": [[0, 10, 0, 0], [0, 10, 1, 1], [0, 6, 2, 2, 0, 3, 2, 3], [0, 4, 4, 4, 2, 1, 1, 5]],
              "numTicks": 10, "maxSelf": 4},
             "metadata": {"format": "single", "sampleRate": 100, "spyName": "gospy", "units": "samples"}}
            """;

    private static Profile read(String json) {
        return FlamebearerReader.read(json.getBytes(StandardCharsets.UTF_8), "render");
    }

    @Test
    void blocksBecomeStacksUnderTheBlockAboveThatContainsThem() {
        Profile profile = read(TREE);
        assertEquals(List.of("main 1", "main;a 2", "main;a;c 4", "main;b 2", "main;b;d 1"),
                stacks(profile).stream().sorted().toList());
        assertEquals("samples", profile.header().sampleTypes().get(0).type());
        assertEquals("count", profile.header().sampleTypes().get(0).unit());
        assertEquals(10, profile.tree().total(0));
    }

    @Test
    void malformedFlamebearersAreOneLineErrors() {
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], \"levels\": [[0, 1, 0]]}}", "not a list of 4-tuples");
        assertProblem("{\"flamebearer\": {\"names\": [\"total\", \"a\"], \"levels\": [[0, 1, 0, 0], [5, 1, 1, 1]]}}",
                "block 'a' at offset 5 lies under no block of the level above");
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], \"levels\": [[0, 1, 0, 0], [0, 1, 1, 7]]}}",
                "names string 7 of 1");
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], \"levels\": [[0, -1, 0, 0]]}}",
                "holds '-1' where a non-negative integer belongs");
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], \"levels\": [[0, 1, 0, 0]]}, "
                + "\"metadata\": {\"format\": \"double\"}}", "a diff flamebearer");
        // found by FlamebearerFuzzTest: the root block's name index was read unchecked (a NullPointerException)
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], \"levels\": [[0, 1, 0, 18446744073709551615]]}}",
                "holds '18446744073709551615' where a non-negative integer belongs");
        assertProblem("{\"flamebearer\": {\"names\": [\"total\"], "
                + "\"levels\": [{\"a\": 0, \"b\": 1, \"c\": 0, \"d\": 0}]}}",
                "flamebearer level 0 is not a list of 4-tuples");
        // a name with a line break and a terminal escape stays on the error's one line, made harmless
        assertProblem("{\"flamebearer\": {\"names\": [\"total\", \"a\\nb\\u001b[31m\"], "
                + "\"levels\": [[0, 1, 0, 0], [5, 1, 1, 1]]}}",
                "block 'a\uFFFDb\uFFFD[31m' at offset 5 lies under no block of the level above");
        assertProblem("{\"timeline\": {}}", "no flamebearer.names and flamebearer.levels");
        assertProblem("<html>", "not flamebearer JSON");
    }

    private static void assertProblem(String json, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith("render: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** Every node with a self value as {@code root;...;leaf self}, in node order. */
    private static List<String> stacks(Profile profile) {
        CallTree tree = profile.tree();
        List<String> stacks = new ArrayList<>();
        for (int node = 1; node < tree.size(); node++) {
            List<String> names = new ArrayList<>();
            for (int frame : tree.path(node)) {
                names.add(profile.frames().function(frame));
            }
            stacks.add(String.join(";", names) + " " + tree.self(node, 0));
        }
        return stacks;
    }
}
