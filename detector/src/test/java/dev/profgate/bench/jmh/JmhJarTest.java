package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.profgate.base.BadInputException;
import dev.profgate.workload.JmhJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising a JMH benchmarks jar and listing its cases by asking the jar ({@code -lp}). */
class JmhJarTest {
    @TempDir
    Path dir;

    @Test
    void listsOneCasePerCombinationOfParameterValues() throws IOException {
        JmhJar jar = JmhJar.open(JmhJars.faulty(), "--base-jar");
        List<BenchmarkCase> cases = jar.cases("ParamBenchmarks", BenchJvm.CURRENT, dir);
        assertEquals(Set.of("dev.profgate.testjmh.ParamBenchmarks.sum"),
                cases.stream().map(BenchmarkCase::benchmark).collect(Collectors.toSet()));
        Set<Map<String, String>> combinations = cases.stream().map(BenchmarkCase::params).collect(Collectors.toSet());
        Set<Map<String, String>> expected = Set.of("8", "64").stream()
                .flatMap(size -> Set.of("plain", "with space", "x=y").stream()
                        .map(label -> Map.of("size", size, "label", label)))
                .collect(Collectors.toSet());
        assertEquals(expected, combinations);
        assertEquals(6, cases.size());
        assertTheParameterValuesGivenReplaceTheDeclaredOnes(cases);
    }

    /** {@code --param size=16,32}: the listed cases expanded to the given sizes, filtered among recorded ones. */
    private static void assertTheParameterValuesGivenReplaceTheDeclaredOnes(List<BenchmarkCase> listed) {
        ParamOverrides sizes = ParamOverrides.parse(List.of("size=16,32"), "--param");
        List<BenchmarkCase> expanded = sizes.expand(listed);
        assertEquals(6, expanded.size(), expanded.toString());
        assertEquals(Set.of("16", "32"), expanded.stream().map(c -> c.params().get("size")).collect(Collectors.toSet()));
        assertEquals(Set.of("plain", "with space", "x=y"),
                expanded.stream().map(c -> c.params().get("label")).collect(Collectors.toSet()));
        ParamOverrides small = ParamOverrides.parse(List.of("size=8", "label=plain,x=y"), "--param");
        assertEquals(Set.of(Map.of("size", "8", "label", "plain"), Map.of("size", "8", "label", "x=y")),
                small.filter(listed).stream().map(BenchmarkCase::params).collect(Collectors.toSet()));
        assertEquals("--param depth: no selected benchmark has this parameter", assertThrows(BadInputException.class,
                () -> ParamOverrides.parse(List.of("depth=3"), "--param").requireKnown(listed, "--param"))
                .getMessage());
        assertEquals("--param size: expected NAME=VALUE or NAME=V1,V2,...", assertThrows(BadInputException.class,
                () -> ParamOverrides.parse(List.of("size"), "--param")).getMessage());
    }

    @Test
    void aSelectorMatchingNothingListsNothing() throws IOException {
        assertEquals(List.of(),
                JmhJar.open(JmhJars.faulty(), "--base-jar").cases("NoSuchBenchmark", BenchJvm.CURRENT, dir));
    }

    @Test
    void refusesAJarWithoutJmhsBenchmarkList() throws IOException {
        Path jar = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "app.Main");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("app/Main.class"));
            out.closeEntry();
        }
        BadInputException e = assertThrows(BadInputException.class, () -> JmhJar.open(jar, "--head-jar"));
        assertEquals("--head-jar " + jar + ": not a JMH benchmarks jar (no META-INF/BenchmarkList; build it with "
                + "the JMH annotation processor and shade it with org.openjdk.jmh.Main)", e.getMessage());
    }

    @Test
    void refusesAFileThatIsNoJarAndAMissingOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        assertEquals("--base-jar " + text + ": not a jar file (zip END header not found)",
                assertThrows(BadInputException.class, () -> JmhJar.open(text, "--base-jar")).getMessage());
        Path missing = dir.resolve("missing.jar");
        assertEquals("--base-jar " + missing + ": no such file",
                assertThrows(BadInputException.class, () -> JmhJar.open(missing, "--base-jar")).getMessage());
    }
}
