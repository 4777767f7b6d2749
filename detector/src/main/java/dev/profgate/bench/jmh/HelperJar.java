package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The jar that puts profgate's {@link CpuTimeProfiler} on a benchmark's class path: that class alone (it needs only
 * the JDK and JMH, which the benchmarks jar holds), so profgate's own libraries never meet the benchmark's. Its
 * class is named as a string and copied as a class-path resource: profgate's JVM has no JMH and must not load it.
 */
final class HelperJar {
    /** The fully qualified name of the profiler, for JMH's {@code -prof}. */
    static final String CPU_PROFILER = "dev.profgate.bench.jmh.CpuTimeProfiler";
    private static final String FILE_NAME = "profgate-jmh.jar";

    private HelperJar() {
    }

    /** The helper jar in {@code work}, written on first use. */
    static Path in(Path work) {
        Path jar = work.resolve(FILE_NAME);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String entry = CPU_PROFILER.replace('.', '/') + ".class";
        Path partial = work.resolve(FILE_NAME + ".tmp");
        try (InputStream in = HelperJar.class.getResourceAsStream("/" + entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " is missing from profgate's class path");
            }
            try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
            return Files.move(partial, jar);
        } catch (IOException e) {
            throw new BadInputException(jar.toString(), "cannot write: " + e.getMessage(), e);
        }
    }
}
