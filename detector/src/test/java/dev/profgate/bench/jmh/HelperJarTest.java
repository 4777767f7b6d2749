package dev.profgate.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper jar a fork gets on its class path: the CPU time profiler alone, under the name JMH is given. */
class HelperJarTest {
    @TempDir
    Path dir;

    @Test
    void holdsTheCpuTimeProfilerAloneUnderItsName() throws IOException {
        assertEquals(CpuTimeProfiler.class.getName(), HelperJar.CPU_PROFILER);
        Path jar = HelperJar.in(dir);
        assertEquals(jar, HelperJar.in(dir), "written once");
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("dev/profgate/bench/jmh/CpuTimeProfiler.class"), entries);
        }
    }
}
