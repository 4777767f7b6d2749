package dev.profgate.source;

import dev.profgate.base.Limits;
import dev.profgate.model.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The environment of the current run: this machine (OS, architecture, CPUs available to this JVM) and the JVM of the
 * JMH results when there are any, else this JVM. Profiles are assumed recorded on the machine that reads them.
 */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    /** The current environment with the JVM and options of {@code jmh} (which may be empty). */
    public static Environment current(List<JmhResultFile> jmh) {
        Environment.Jvm jvm = jmh.stream().map(JmhResultFile::jvm).filter(Objects::nonNull).findFirst()
                .orElseGet(EnvironmentProbe::thisJvm);
        Environment.Machine machine = new Environment.Machine(System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        return new Environment(jvm, machine, JmhResultFile.options(jmh));
    }

    /**
     * The current environment of one side given as files, directories or globs: JMH results in its directories, read
     * within {@code limits}.
     */
    public static Environment ofSide(List<String> specs, Limits limits) {
        List<JmhResultFile> jmh = new ArrayList<>();
        for (String spec : specs) {
            Path dir = Path.of(spec);
            if (Files.isDirectory(dir)) {
                jmhFiles(dir).stream().filter(file -> JmhResultFile.isJmhResultFile(file, limits))
                        .map(file -> JmhResultFile.read(file, limits)).forEach(jmh::add);
            }
        }
        return current(jmh);
    }

    /** The {@code .json} files directly in {@code dir} (not hidden), sorted. */
    static List<Path> jmhFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Environment.Jvm thisJvm() {
        return new Environment.Jvm(System.getProperty("java.vm.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"));
    }
}
