package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost section of profgate.yml, read beside the policy in the one parse of {@link Settings}. */
class CostSettingsTest {
    @TempDir
    Path dir;

    @Test
    void costSectionIsReadBesideThePolicy() throws IOException {
        Settings settings = Settings.load(Files.writeString(dir.resolve("profgate.yml"),
                "fdr: 0.01\ncost:\n  coreHourPrice: 0.031\n  fleetCores: 250\n  currency: EUR\n"));
        assertEquals(new CostSettings(0.031, 250, "EUR"), settings.cost());
        assertEquals(0.01, settings.policy().fdr());
    }

    @Test
    void missingSectionOrKeysKeepTheDefaults() throws IOException {
        Settings settings = Settings.load(Files.writeString(dir.resolve("profgate.yml"), "cost:\n  fleetCores: 8\n"));
        assertEquals(new CostSettings(CostSettings.defaults().coreHourPrice(), 8, "USD"), settings.cost());
        assertEquals(CostSettings.defaults(), Settings.load(Files.writeString(dir.resolve("empty.yml"), "fdr: 0.05\n"))
                .cost());
    }

    @Test
    void negativePriceNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("profgate.yml"), "cost:\n  coreHourPrice: -1\n");
        String message = assertThrows(BadInputException.class, () -> Settings.load(file)).getMessage();
        assertEquals(true, message.startsWith(file + ": line 2:") && message.contains("cost.coreHourPrice"), message);
    }
}
