package dev.profgate.source.weekly;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Workers;
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
 * A folder of timestamped profiles: the date ({@code YYYY-MM-DD}, UTC) in each file's name, with an optional time of
 * day after it ({@code T14}, {@code T14-30}, {@code T1430} or {@code T14:30}), places it in a period; files directly in
 * the folder belong to the service named after the folder, files in a subfolder to the service named after the
 * subfolder. Hidden files and folders and files without a date in their name are skipped. The subfolders (services)
 * are walked on a few threads ({@link Workers}), each service's files in name order by one thread.
 */
public final class DatedFiles {
    /** Reading threads at most: the CI machines have two cores, and each reader holds one profile in memory. */
    public static final int READERS = 2;
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T_](\\d{2})(?:[-:]?(\\d{2}))?)?");

    private DatedFiles() {
    }

    /** Receives the dated files of a folder; called from several threads at once, one service per thread. */
    public interface Sink {
        void accept(String service, int period, Path file);

        /** Tells that no more files of {@code service} follow. */
        default void serviceDone(String service) {
        }
    }

    /** Hands every dated file of {@code root} that falls into one of {@code periods} to {@code sink}. */
    public static void walk(Path root, List<TimeRange> periods, Sink sink) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root.toString(), "not a folder of profiles");
        }
        String rootService = serviceName(root);
        walkFolder(root, rootService, periods, sink);
        List<Path> folders = list(root).stream().filter(p -> Files.isDirectory(p) && !hidden(p)).toList();
        Workers.forEach(folders, READERS, folder -> {
            String service = folder.getFileName().toString();
            walkFolder(folder, service, periods, sink);
            if (!service.equals(rootService)) {
                sink.serviceDone(service);
            }
        });
    }

    /** The time in {@code file}'s name in milliseconds since the epoch (UTC), or -1 when its name holds no date. */
    public static long epochMs(Path file) {
        Matcher date = DATE.matcher(file.getFileName().toString());
        if (!date.find()) {
            return -1;
        }
        try {
            int hour = date.group(2) == null ? 0 : Integer.parseInt(date.group(2));
            int minute = date.group(3) == null ? 0 : Integer.parseInt(date.group(3));
            if (hour > 23 || minute > 59) {
                throw new BadInputException(file.toString(), "the time " + date.group() + " in the file name is not"
                        + " a time of day");
            }
            return LocalDate.parse(date.group(1)).atTime(hour, minute).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadInputException(file.toString(), "the date " + date.group(1) + " in the file name is not a date");
        }
    }

    /** The index of the period that {@code timeMs} falls into, or -1. */
    public static int periodOf(List<TimeRange> periods, long timeMs) {
        for (int p = 0; p < periods.size(); p++) {
            if (timeMs >= periods.get(p).startMs() && timeMs < periods.get(p).endMs()) {
                return p;
            }
        }
        return -1;
    }

    private static void walkFolder(Path folder, String service, List<TimeRange> periods, Sink sink) {
        for (Path file : list(folder)) {
            if (Files.isRegularFile(file) && !hidden(file)) {
                long time = epochMs(file);
                int period = time < 0 ? -1 : periodOf(periods, time);
                if (period >= 0) {
                    sink.accept(service, period, file);
                }
            }
        }
    }

    /** A dot file or folder: not a profile or a service (a staged report left by a killed run, say). */
    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
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
