package dev.profgate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.config.Settings;
import dev.profgate.report.ReportFormat;
import dev.profgate.report.SarifSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's SARIF, made inside this repository as a user's CI makes it inside theirs: every physical location is a
 * repository path under {@code %SRCROOT%} whose file exists and has the line, so code scanning can place it.
 */
class SarifPlacementTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyLocationOfTheDemoIsAnExistingRepositoryFileAndLine() throws Exception {
        String sarif = ReportFormat.SARIF.render(new CompareRun(List.of("../baselines/demo/base"),
                List.of("../baselines/demo/head"), null, Settings.defaults(), null, null).execute());
        assertEquals(List.of(), SarifSchema.errors(sarif));
        List<String> placed = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(sarif).at("/runs/0/results")) {
            JsonNode physical = result.at("/locations/0/physicalLocation");
            if (physical.isMissingNode()) {
                continue;
            }
            assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").textValue(), result.toString());
            String path = URLDecoder.decode(physical.at("/artifactLocation/uri").textValue(), StandardCharsets.UTF_8);
            Path file = REPO.resolve(path);
            assertTrue(Files.isRegularFile(file), path);
            int line = physical.at("/region/startLine").intValue();
            assertTrue(line >= 1 && line <= Files.readAllLines(file).size(), path + ":" + line);
            placed.add(path + ":" + line);
        }
        assertFalse(placed.isEmpty(), sarif);
        assertTrue(placed.contains("examples/payments-api/src/main/java/dev/profgate/examples/payments/"
                + "CardValidator.java:20"), placed.toString());
    }
}
