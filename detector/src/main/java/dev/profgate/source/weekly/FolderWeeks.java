package dev.profgate.source.weekly;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.base.Workers;
import dev.profgate.format.ProfileFormat;
import dev.profgate.source.remote.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of timestamped profiles: the date ({@code YYYY-MM-DD}, UTC) in each file's name places it in a week; files
 * directly in the folder belong to the service named after the folder, files in a subfolder to the service named after
 * the subfolder. Hidden files and folders and files without a date in their name are not read; the others are read within {@code limits}. The
 * subfolders (services) are read on a few threads ({@link Workers}), each service's files in name order by one thread.
 */
public record FolderWeeks(Path root, Limits limits) implements WeeklySource {
    /** Reading threads at most: the CI machines have two cores, and each reader holds one profile in memory. */
    static final int READERS = 2;
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    @Override
    public void read(List<TimeRange> weeks, String type, Sink sink) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root.toString(), "not a folder of profiles");
        }
        String rootService = serviceName(root);
        readFolder(root, rootService, weeks, type, sink);
        List<Path> folders = list(root).stream().filter(p -> Files.isDirectory(p) && !hidden(p)).toList();
        Workers.forEach(folders, READERS, folder -> {
            String service = folder.getFileName().toString();
            readFolder(folder, service, weeks, type, sink);
            if (!service.equals(rootService)) {
                sink.serviceDone(service);
            }
        });
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    /** A dot file or folder: not a profile or a service (a staged report left by a killed run, say). */
    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private void readFolder(Path folder, String service, List<TimeRange> weeks, String type, Sink sink) {
        for (Path file : list(folder)) {
            Matcher date = DATE.matcher(file.getFileName().toString());
            if (Files.isRegularFile(file) && !hidden(file) && date.find()) {
                int week = WeeklySource.weekOf(weeks, epochMs(date.group(1), file));
                if (week >= 0) {
                    sink.accept(service, week, ProfileFormat.readSamples(file, type, limits));
                }
            }
        }
    }

    private static long epochMs(String date, Path file) {
        try {
            return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadInputException(file.toString(), "the date " + date + " in the file name is not a date");
        }
    }

    private static String serviceName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? "default" : name.toString();
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
