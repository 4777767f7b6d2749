package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.TestFiles;
import dev.profgate.base.BadInputException;
import dev.profgate.format.PprofReader;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample type selection as pprof's {@code -sample_index} takes it, on the headers of real profiles. */
class ProfileHeaderTest {

    @Test
    void nullSelectsTheDefaultColumn() throws Exception {
        ProfileHeader heap = header("java.heap.pb.gz");
        assertEquals(heap.defaultType(), heap.resolveType(null, "java.heap.pb.gz"));
        assertEquals("inuse_space", heap.sampleTypes().get(heap.resolveType(null, "java.heap.pb.gz")).type());
    }

    @Test
    void typeNamesAndIndexes() throws Exception {
        ProfileHeader cpu = header("go-payments-v1.cpu.pb.gz");
        assertEquals(0, cpu.resolveType("samples", "x"));
        assertEquals(1, cpu.resolveType("cpu", "x"));
        assertEquals(0, cpu.resolveType("0", "x"));
        ProfileHeader heap = header("java.heap.pb.gz");
        assertEquals(0, heap.resolveType("inuse_objects", "x"));
        assertEquals(1, heap.resolveType("inuse_space", "x"));
    }

    @Test
    void inusePrefixSelectsLegacyHeapColumns() {
        ProfileHeader legacy = new ProfileHeader(
                List.of(new SampleType("objects", "count"), new SampleType("space", "bytes")), 1, null, 0, 0, 0);
        assertEquals(0, legacy.resolveType("inuse_objects", "heap"));
        assertEquals(1, legacy.resolveType("inuse_space", "heap"));
        assertEquals(1, legacy.resolveType("space", "heap"));
    }

    @Test
    void unknownTypeListsTheAvailableOnes() throws Exception {
        ProfileHeader heap = header("java.heap.pb.gz");
        BadInputException e = assertThrows(BadInputException.class, () -> heap.resolveType("cpu", "heap.pb.gz"));
        assertEquals("heap.pb.gz: no sample type 'cpu'; available: inuse_objects, inuse_space", e.getMessage());
        BadInputException index = assertThrows(BadInputException.class, () -> heap.resolveType("2", "heap.pb.gz"));
        assertEquals("heap.pb.gz: sample type index 2 is outside [0..1]; available: inuse_objects, inuse_space",
                index.getMessage());
    }

    private static ProfileHeader header(String fixture) throws Exception {
        try (InputStream in = TestFiles.open(TestFiles.fixturesPprof().resolve(fixture))) {
            return PprofReader.read(in, fixture).header();
        }
    }
}
