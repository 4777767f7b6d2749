package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The java program that lists a benchmarks jar's cases and runs its forks, as JMH's {@code -jvm}: profgate's own
 * ({@link #CURRENT}), or the user's, so that benchmarks compiled for a newer Java than profgate's run on it. JMH's
 * benchmark JVM is started by the JMH process with that process's java, so it is the same.
 */
public record BenchJvm(Path java) {
    /** The java of the JVM running profgate. */
    public static final BenchJvm CURRENT = new BenchJvm(Path.of(System.getProperty("java.home"), "bin", "java"));

    /**
     * The java program at {@code path}, or in {@code path/bin} when it is a folder (a JDK home), checked to be an
     * executable file; {@code name} (such as {@code --jvm}) names it in errors.
     */
    public static BenchJvm of(Path path, String name) {
        String what = name + " " + path;
        boolean home = Files.isDirectory(path);
        Path java = home ? path.resolve("bin").resolve("java") : path;
        if (!Files.exists(java)) {
            throw new BadInputException(what, home ? "not a JDK home (no bin/java in it)" : "no such file");
        }
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new BadInputException(what, "not an executable java program (" + java + ")");
        }
        return new BenchJvm(java.toAbsolutePath().normalize());
    }

    /**
     * The start of a command running this java with a private temporary folder under {@code work}: JMH keeps its
     * lock file there, so a run is not refused because of another JMH run on the machine, and leaves no temporary
     * files behind.
     */
    List<String> command(Path work) {
        Path tmp = work.resolve("tmp");
        Forks.createDirectories(tmp);
        return List.of(java.toString(), "-Djava.io.tmpdir=" + tmp);
    }
}
