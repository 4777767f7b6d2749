package dev.profgate.report;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Folders;
import dev.profgate.base.Workers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes every report of a comparison into one folder, atomically: the files are rendered, written into a hidden
 * temporary sibling folder, which is then renamed into place ({@link Folders}), so a reader never sees a
 * half-written report folder. An existing folder is replaced only when it holds nothing but profgate reports;
 * anything else is left untouched.
 * A file added to a finished folder ({@link #ATTRIBUTION}) goes the same way: the folder is staged again with it.
 */
public final class ReportWriter {
    /** The attribution summary that {@code --attribute} adds to a finished report folder. */
    public static final String ATTRIBUTION = "attribution.md";

    private ReportWriter() {
    }

    /** Writes every {@link ReportFormat} of {@code data} into {@code outDir}, replacing an earlier report folder. */
    public static void writeAll(ReportData data, Path outDir) {
        writeAll(format -> format.render(data), outDir);
    }

    /**
     * Writes each format that {@code render} gives content (not null), the formats rendered in parallel on the
     * machine's cores ({@code render} must be safe to call from several threads), the flame graph page first as it
     * takes longest; replaces an earlier report folder.
     */
    public static void writeAll(Function<ReportFormat, String> render, Path outDir) {
        Set<String> names = Arrays.stream(ReportFormat.values()).map(ReportFormat::fileName)
                .collect(Collectors.toSet());
        List<ReportFormat> formats = Stream.concat(Stream.of(ReportFormat.HTML),
                Arrays.stream(ReportFormat.values()).filter(format -> format != ReportFormat.HTML)).toList();
        write(outDir, names::contains, staging -> {
            List<String> contents = Workers.map(formats, Integer.MAX_VALUE, render);
            for (int i = 0; i < formats.size(); i++) {
                if (contents.get(i) != null) {
                    Files.writeString(staging.resolve(formats.get(i).fileName()), contents.get(i),
                            StandardCharsets.UTF_8);
                }
            }
        });
    }

    /** Writes {@code files} (name to content) into {@code outDir} atomically, replacing an earlier report folder. */
    public static void writeFiles(Map<String, String> files, Path outDir) {
        writeFiles(files, outDir, name -> false);
    }

    /**
     * {@link #writeFiles(Map, Path)}, where the earlier report folder may also hold files named as {@code earlier}
     * accepts (such as charts numbered by finding, of which an earlier run wrote more).
     */
    public static void writeFiles(Map<String, String> files, Path outDir, Predicate<String> earlier) {
        write(outDir, name -> files.containsKey(name) || earlier.test(name), staging -> {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        });
    }

    /** Fills a staging folder. */
    private interface Filler {
        void fill(Path staging) throws IOException;
    }

    /** Fills a staging folder with {@code filler}, renamed to {@code outDir}, which may hold only {@code names}. */
    private static void write(Path outDir, Predicate<String> names, Filler filler) {
        Path target = outDir.toAbsolutePath().normalize();
        checkReplaceable(target, names);
        try {
            Path staging = Folders.createStaging(target);
            try {
                filler.fill(staging);
                Folders.moveIntoPlace(staging, target);
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new BadInputException(outDir.toString(), "cannot write the reports: " + Folders.whyNotWritten(e),
                    e);
        }
    }

    /** Adds the file {@code name} with {@code content} to the report folder {@code outDir}, staged again as a whole. */
    public static void addFile(Path outDir, String name, String content) {
        Map<String, String> files = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir)) {
            for (Path entry : entries) {
                files.put(entry.getFileName().toString(), Files.readString(entry, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new BadInputException(outDir.toString(), "cannot read the reports: " + e.getMessage(), e);
        }
        files.put(name, content);
        writeFiles(files, outDir);
    }

    private static void checkReplaceable(Path target, Predicate<String> names) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new BadInputException(target.toString(), "exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!(names.test(name) || name.equals(ATTRIBUTION)) || !Files.isRegularFile(entry)) {
                    throw new BadInputException(target.toString(), "exists and holds other files than profgate reports ("
                            + entry.getFileName() + "); choose a new or empty folder");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(target.toString(), "cannot read the folder: " + e.getMessage(), e);
        }
    }
}
