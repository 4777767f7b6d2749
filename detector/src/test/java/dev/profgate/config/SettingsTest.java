package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which profgate.yml a run reads: the one named, else ./profgate.yml when it exists, else none. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void aNamedFileWinsOverTheDefaultOne() throws IOException {
        Path named = Files.writeString(dir.resolve("policy.yml"), "fdr: 0.01\n");
        assertEquals(0.01, Settings.loadOrDefault(named).policy().fdr());
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        assumeFalse(Files.exists(Settings.DEFAULT_FILE), "the working directory has a profgate.yml");
        assertEquals(Settings.defaults(), Settings.loadOrDefault(null));
    }
}
