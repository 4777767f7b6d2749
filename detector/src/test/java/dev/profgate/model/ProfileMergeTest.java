package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.TestFiles;
import dev.profgate.base.BadInputException;
import dev.profgate.format.PprofReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging profiles adds their values function by function, as pprof's merge does. */
class ProfileMergeTest {
    private static Profile read(String name) throws IOException {
        try (InputStream in = TestFiles.open(TestFiles.fixturesPprof().resolve(name))) {
            return PprofReader.read(in, name);
        }
    }

    @Test
    void flatAndCumulativeValuesAddUpPerFunction() throws IOException {
        Profile v1 = read("go-payments-v1.cpu.pb.gz");
        Profile v2 = read("go-payments-v2-regex-per-call.cpu.pb.gz");
        Profile merged = ProfileMerge.merge("both", List.of(v1, v2));
        assertEquals("both", merged.source());
        int cpu = merged.header().indexOf("cpu");
        Dictionary names = new Dictionary();
        FunctionTotals a = FunctionTotals.of(v1, v1.tree().selfValues(cpu), names);
        FunctionTotals b = FunctionTotals.of(v2, v2.tree().selfValues(cpu), names);
        FunctionTotals sum = FunctionTotals.of(merged, merged.tree().selfValues(cpu), names);
        assertEquals(a.grandTotal() + b.grandTotal(), sum.grandTotal());
        for (int f = 0; f < names.size(); f++) {
            assertEquals(a.self(f) + b.self(f), sum.self(f), names.name(f));
            assertEquals(a.total(f) + b.total(f), sum.total(f), names.name(f));
        }
    }

    @Test
    void profilesOfOtherSampleTypesAreRefused() throws IOException {
        Profile cpu = read("go-payments-v1.cpu.pb.gz");
        Profile heap = read("java.heap.pb.gz");
        assertThrows(BadInputException.class, () -> ProfileMerge.merge("mixed", List.of(cpu, heap)));
    }
}
