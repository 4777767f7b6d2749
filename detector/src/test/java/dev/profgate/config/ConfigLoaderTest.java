package dev.profgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.analysis.Policy;
import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Policy load(String yaml) throws IOException {
        Path file = dir.resolve("profgate.yml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    private String error(String yaml) {
        return assertThrows(BadInputException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void readsEveryKey() throws IOException {
        Policy policy = load("""
                fdr: 0.01
                type: alloc_space
                fail: {absolute: "1%", relative: 0.2}
                warn:
                  absolute: 0.004
                budgets:
                  - function: "regexp.*"
                    maxShare: 5%
                ignore: ["runtime.*", "testing.*"]
                overdispersion: 3
                replicatesPerProfile: 8
                """);
        assertEquals(0.01, policy.fdr());
        assertEquals("alloc_space", policy.type());
        assertEquals(new Policy.Floors(0.01, 0.2), policy.fail());
        assertEquals(new Policy.Floors(0.004, Policy.defaults().warn().relative()), policy.warn());
        assertEquals(List.of(new Policy.Budget("regexp.*", 0.05)), policy.budgets());
        assertEquals(List.of("runtime.*", "testing.*"), policy.ignore());
        assertEquals(3.0, policy.overdispersion());
        assertEquals(8, policy.replicatesPerProfile());
    }

    @Test
    void emptyFileKeepsTheDefaults() throws IOException {
        assertEquals(Policy.defaults(), load("# nothing set\n"));
    }

    @Test
    void unknownKeyNamesFileAndLine() {
        String message = error("fdr: 0.05\nfdrr: 0.1\n");
        assertEquals(dir.resolve("profgate.yml") + ": line 2: unknown key 'fdrr' (known: fdr, type, fail, warn, "
                + "budgets, ignore, overdispersion, runVariation, replicatesPerProfile, rules, redact, deploy, cost, limits, watch)", message);
    }

    @Test
    void wrongTypesAndRangesNameTheLine() {
        assertEquals("line 1: 'fdr' must be a number, not 'often'", tail(error("fdr: often\n")));
        assertEquals("line 1: 'fdr' must be between 0 and 1, not 1.5", tail(error("fdr: 1.5\n")));
        assertEquals("line 1: 'fdr' must be above 0", tail(error("fdr: 0\n")));
        assertEquals("line 2: 'fail.absolute' must be between 0% and 100%, not 150%",
                tail(error("fail:\n  absolute: 150%\n")));
        assertEquals("line 2: unknown key 'absolut' (known: absolute, relative)",
                tail(error("warn:\n  absolut: 0.1\n")));
        assertEquals("line 1: 'ignore' must be a list", tail(error("ignore: runtime.*\n")));
        assertEquals("line 2: missing key 'maxShare'", tail(error("budgets:\n  - function: a\n")));
        assertEquals("line 1: 'replicatesPerProfile' must be a whole number, not '2.5'",
                tail(error("replicatesPerProfile: 2.5\n")));
        assertEquals("line 1: the settings must be a mapping of keys to values", tail(error("- fdr\n")));
    }

    @Test
    void malformedYamlNamesTheLine() {
        String message = error("fdr: 0.05\nfail: {absolute: 0.1\n");
        assertEquals(true, message.startsWith(dir.resolve("profgate.yml") + ": line 3: not valid YAML: "), message);
    }

    @Test
    void missingFileIsOneLine() {
        Path missing = dir.resolve("absent.yml");
        BadInputException e = assertThrows(BadInputException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void parsesFromAReader() {
        assertEquals(0.1, ConfigLoader.parse(new StringReader("fdr: 0.1"), "inline").fdr());
    }

    private static String tail(String message) {
        return message.substring(message.indexOf("line "));
    }
}
