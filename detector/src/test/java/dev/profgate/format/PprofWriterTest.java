package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Read a real profile, write it, read it back: the same header and per-function totals for every sample type. */
class PprofWriterTest {

    @TestFactory
    Stream<DynamicTest> roundTripKeepsPerFunctionTotals() {
        return TestFiles.pprofProfiles().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> assertRoundTrip(file)));
    }

    private static void assertRoundTrip(Path file) throws Exception {
        Profile original;
        try (InputStream in = TestFiles.open(file)) {
            original = PprofReader.read(in, file.toString());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PprofWriter.write(original, bytes);
        assertTrue(ProfileFormat.isGzip(bytes.toByteArray()), "written gzipped");
        Profile copy = PprofReader.read(new ByteArrayInputStream(bytes.toByteArray()), "copy of " + file);
        assertEquals(original.header(), copy.header());
        for (int type = 0; type < original.header().sampleTypes().size(); type++) {
            assertEquals(totals(original, type), totals(copy, type), "type " + type + " of " + file);
        }
    }

    /** function name -> "self/total", and the grand total under the empty name. */
    private static Map<String, String> totals(Profile profile, int type) {
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(type), functions);
        Map<String, String> result = new TreeMap<>();
        for (int f = 0; f < functions.size(); f++) {
            result.put(functions.name(f), totals.self(f) + "/" + totals.total(f));
        }
        result.put("", Long.toString(totals.grandTotal()));
        return result;
    }
}
