package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.TestFiles;
import dev.profgate.base.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison side from a stored baseline or from files, with the environment each was recorded in. */
class SideTest {
    @TempDir
    Path tmp;

    @Test
    void aBaselineSideHasItsProfilesAndTheEnvironmentOfItsManifest() throws Exception {
        BaselineStore store = new BaselineStore(tmp.resolve("store"));
        Path dir = store.save("main", StoreInputs.folder(tmp.resolve("from"), 3, false), null, null, false).dir();
        StoreInputs.editManifest(dir, m -> m.with("machine").put("cpus", 96));
        Side side = Side.load(List.of("baseline:main"), store);
        assertEquals(3, side.profiles().size());
        assertEquals(96, side.environment().machine().cpus());
    }

    @Test
    void aFolderSideIsTheCurrentMachineWithTheJvmAndOptionsOfItsJmhResults() throws Exception {
        Path from = StoreInputs.folder(tmp.resolve("from"), 2, true);
        Side side = Side.load(List.of(from.toString()), new BaselineStore(tmp.resolve("store")));
        assertEquals(2, side.profiles().size());
        assertEquals(Runtime.getRuntime().availableProcessors(), side.environment().machine().cpus());
        JmhResultFile jmh = JmhResultFile.read(TestFiles.jmhResult());
        assertEquals(jmh.jvm(), side.environment().jvm());
        assertNull(side.environment().jvm().vendor());
        assertEquals(JmhResultFile.options(List.of(jmh)), side.environment().jmhOptions());
    }

    @Test
    void aBaselineIsAWholeSide() throws Exception {
        BaselineStore store = new BaselineStore(tmp.resolve("store"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Side.load(List.of("baseline:main", StoreInputs.DEMO_HEAD.toString()), store));
        assertEquals("baseline:main: a baseline is a whole side; give no other profiles with it", e.getMessage());
    }
}
