package dev.profgate.report;

import dev.profgate.BadInputException;
import dev.profgate.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes every report of a comparison into one folder, atomically: the files are written into a hidden temporary
 * sibling folder which is then renamed into place, so a reader never sees a half-written report folder. An
 * existing folder is replaced only when it holds nothing but profgate reports; anything else is left untouched.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The file names and contents of every report of {@code data}. */
    public static Map<String, String> render(ReportData data) {
        return files(format -> format.render(data));
    }

    /** Writes every {@link ReportFormat} of {@code data} into {@code outDir}, replacing an earlier report folder. */
    public static void writeAll(ReportData data, Path outDir) {
        writeFiles(render(data), outDir);
    }

    /** Writes the reports of a bench run into {@code outDir} (the formats it has), replacing an earlier report folder. */
    public static void writeAll(BenchReport report, Path outDir, String gate) {
        writeFiles(files(format -> format.render(report, gate)), outDir);
    }

    /** File name to content of each format that {@code render} gives content (not null). */
    private static Map<String, String> files(Function<ReportFormat, String> render) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            String content = render.apply(format);
            if (content != null) {
                files.put(format.fileName(), content);
            }
        }
        return files;
    }

    /** Writes {@code files} (name to content) into {@code outDir} atomically, replacing an earlier report folder. */
    public static void writeFiles(Map<String, String> files, Path outDir) {
        Path target = outDir.toAbsolutePath().normalize();
        checkReplaceable(target, files);
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createDirectory(Folders.hiddenSibling(target, "tmp"));
            try {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                }
                Folders.moveIntoPlace(staging, target);
            } finally {
                Folders.deleteTree(staging);
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
}
