package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch section of profgate.yml: the alert's selector template, read in the one parse of {@link Settings}. */
class WatchSettingsTest {
    @TempDir
    Path dir;

    private WatchSettings parse(String yaml) throws IOException {
        return Settings.load(Files.writeString(dir.resolve("profgate.yml"), yaml)).watch();
    }

    @Test
    void readsTheAlertSelectorTemplate() throws IOException {
        assertEquals("{service_name=\"$service\"}", parse("""
                watch:
                  alert:
                    selector: '{service_name="$service"}'
                """).alertSelector());
        assertNull(parse("fdr: 0.05\n").alertSelector());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse("""
                watch:
                  alert:
                    selectr: '{service_name="$service"}'
                """));
        assertTrue(e.getMessage().contains("selectr"), e.getMessage());
    }
}
