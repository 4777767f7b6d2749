package dev.profgate.report;

import dev.profgate.BadInputException;
import dev.profgate.analysis.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes every report of a comparison into one folder, atomically: the files are written into a hidden temporary
 * sibling folder which is then renamed into place, so a reader never sees a half-written report folder. An
 * existing folder is replaced only when it holds nothing but profgate reports; anything else is left untouched.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The file names and contents of every report of {@code comparison} under gate {@code gate}. */
    public static Map<String, String> render(Comparison comparison, String gate) {
        return files(format -> format.render(comparison, gate));
    }

    /** Writes every {@link ReportFormat} into {@code outDir}, replacing an earlier report folder. */
    public static void writeAll(Comparison comparison, Path outDir, String gate) {
        write(render(comparison, gate), outDir);
    }

    /** Writes every {@link ReportFormat} of a bench run into {@code outDir}, replacing an earlier report folder. */
    public static void writeAll(BenchReport report, Path outDir, String gate) {
        write(files(format -> format.render(report, gate)), outDir);
    }

    private static Map<String, String> files(Function<ReportFormat, String> render) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            files.put(format.fileName(), render.apply(format));
        }
        return files;
    }

    /** Writes {@code files} (name to content) as the report folder {@code outDir}, atomically. */
    private static void write(Map<String, String> files, Path outDir) {
        Path target = outDir.toAbsolutePath().normalize();
        checkReplaceable(target, files);
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createDirectory(sibling(target, "tmp"));
            try {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                }
                moveIntoPlace(staging, target);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new BadInputException(outDir.toString(), "cannot write the reports: " + e.getMessage(), e);
        }
    }

    private static void checkReplaceable(Path target, Map<String, String> files) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new BadInputException(target.toString(), "exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (!files.containsKey(entry.getFileName().toString()) || !Files.isRegularFile(entry)) {
                    throw new BadInputException(target.toString(), "exists and holds other files than profgate reports ("
                            + entry.getFileName() + "); choose a new or empty folder");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(target.toString(), "cannot read the folder: " + e.getMessage(), e);
        }
    }

    /** Renames {@code staging} to {@code target}; an earlier report folder is renamed aside first and removed after. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = sibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** A hidden, unused sibling name of {@code target} (created with the default permissions, unlike temp dirs). */
    private static Path sibling(Path target, String role) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + UUID.randomUUID());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ReportWriter::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
